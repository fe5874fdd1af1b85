import { cp, mkdir, readFile, realpath, rename, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { copyOfDocs, importFailure, readTree, scratchDir } from "./helpers.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let docs: string;
let outside: string;
let out: string;
beforeEach(async () => {
  scratch = await scratchDir();
  docs = await copyOfDocs(scratch.path);
  outside = join(scratch.path, "outside");
  await mkdir(outside);
  out = join(scratch.path, "openapi");
  await importDocs({ source: docs, outDir: out });
});
afterEach(async () => {
  await scratch.cleanup();
});

const outsideProblem = (real: string) =>
  `the file resolves through a symlink to ${real}, outside the docs directory ${docs}: refusing to read it`;

describe("a symlink in a docs directory source that leads out of it fails the import", () => {
  // The pages symlinked to are valid docs pages, so only the containment check can stop the import.
  it("a page that is a symlink to a file outside", async () => {
    const page = join(docs, "api-reference", "users", "get-user.md");
    const target = join(outside, "get-user.md");
    await rename(page, target);
    await symlink(target, page);
    const error = await importFailure({ source: docs, outDir: out });
    expect(error.source).toBe(page);
    expect(error.problem).toBe(outsideProblem(await realpath(target)));
  });

  it("a section directory that is a symlink to a directory outside", async () => {
    const section = join(docs, "api-reference", "users");
    await rename(section, join(outside, "users"));
    await symlink(join(outside, "users"), section);
    const error = await importFailure({ source: docs, outDir: out });
    const file = error.source.slice(section.length + 1);
    expect(error.source).toBe(join(section, file));
    expect(error.problem).toBe(outsideProblem(join(await realpath(outside), "users", file)));
  });

  it("llms.txt itself as a symlink to a file outside", async () => {
    const index = join(docs, "llms.txt");
    await rename(index, join(outside, "llms.txt"));
    await symlink(join(outside, "llms.txt"), index);
    const error = await importFailure({ source: docs, outDir: out });
    expect(error.message).toBe(`${index}: ${outsideProblem(join(await realpath(outside), "llms.txt"))}`);
  });
});

describe("symlinks that stay inside the docs directory are followed", () => {
  it("a page and a docs root reached through symlinks import like the real files", async () => {
    const page = join(docs, "api-reference", "users", "get-user.md");
    await cp(page, join(docs, "api-reference", "users", "get-user-copy.md"));
    await rm(page);
    await symlink("get-user-copy.md", page);
    const linkedRoot = join(scratch.path, "docs-link");
    await symlink(docs, linkedRoot);
    const result = await importDocs({ source: linkedRoot, outDir: out });
    expect(result.written).toEqual([]);
    expect(await readFile(join(out, "docs-pages", "api-reference", "users", "get-user.md"), "utf8")).toBe(
      (await readTree(docs)).get("api-reference/users/get-user-copy.md"),
    );
  });
});
