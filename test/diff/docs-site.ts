import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const SNAPSHOT = resolve("test/fixtures/codegen-docs");
export const VARIANTS = resolve("test/fixtures/docs-variants");

/** The snapshot with a variant's overlay (its llms.txt and api-reference pages) copied over it, in a temp dir. */
export async function docsWithVariant(variant: string | undefined, parent: string): Promise<string> {
  const docs = await mkdtemp(join(parent, "docs-"));
  await cp(SNAPSHOT, docs, { recursive: true });
  if (variant !== undefined) {
    const overlay = join(VARIANTS, variant);
    await cp(overlay, docs, {
      recursive: true,
      filter: (source) => !/^(expected\.(json|md)|README\.md)$/.test(source.slice(overlay.length + 1)),
    });
  }
  return docs;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
