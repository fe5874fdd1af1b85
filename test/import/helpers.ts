import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";

export const FIXTURE_DOCS = resolve(import.meta.dirname, "../fixtures/codegen-docs");
export const COMMITTED_FRAGMENTS = resolve(import.meta.dirname, "../../openapi");
/** The pages the committed fragments were imported from, as the last `npm run docs:import` kept them. */
export const COMMITTED_DOCS_PAGES = join(COMMITTED_FRAGMENTS, "docs-pages");

/** A scratch directory removed by the returned cleanup. */
export async function scratchDir(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "codegen-import-"));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** A copy of the docs snapshot that a test may edit. */
export async function copyOfDocs(into: string): Promise<string> {
  const docs = join(into, "docs");
  await cp(FIXTURE_DOCS, docs, { recursive: true });
  return docs;
}

/** Every file under dir (relative, "/"-separated) with its content. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    tree.set(
      full
        .slice(dir.length + 1)
        .split(sep)
        .join("/"),
      await readFile(full, "utf8"),
    );
  }
  return tree;
}

/** The fragments of an import's tree: every file but the kept pages under docs-pages/. */
export function fragmentsOf(tree: Map<string, string>): Map<string, string> {
  return new Map([...tree].filter(([path]) => !path.startsWith("docs-pages/")));
}
