import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { expect } from "vitest";
import { ImportError } from "../../scripts/lib/import/errors.js";
import { importDocs, type ImportOptions } from "../../scripts/lib/import/import-docs.js";

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

/** Runs the import expecting an ImportError; checks that nothing under outDir changed and returns the error. */
export async function importFailure(options: ImportOptions): Promise<ImportError> {
  const before = await readTree(options.outDir).catch(() => new Map<string, string>());
  const error = await importDocs(options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await readTree(options.outDir).catch(() => new Map<string, string>())).toEqual(before);
  return error as ImportError;
}

/** Runs `npm run docs:import -- <args>` as npm does (`node --import tsx`), never throwing on a failed exit. */
export function runImportCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = resolve(import.meta.dirname, "../../scripts/docs-import.ts");
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return new Promise((done) => {
    // The timeout only reaps a hung child so that no process outlives the test; no assertion depends on it.
    execFile(
      process.execPath,
      ["--import", tsx, cli, ...args],
      { timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
