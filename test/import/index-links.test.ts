import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { copyOfDocs, importFailure, readTree, runImportCli, scratchDir } from "./helpers.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let docs: string;
let index: string;
let out: string;
beforeEach(async () => {
  scratch = await scratchDir();
  docs = await copyOfDocs(scratch.path);
  index = join(docs, "llms.txt");
  out = join(scratch.path, "openapi");
  await importDocs({ source: docs, outDir: out });
});
afterEach(async () => {
  await scratch.cleanup();
});

const GET_USER_LINK = "https://docs.codegen.com/api-reference/users/get-user.md";

/** llms.txt with the Get User page's link replaced. */
async function linkGetUserTo(link: string): Promise<void> {
  const text = await readFile(index, "utf8");
  expect(text).toContain(`(${GET_USER_LINK})`);
  await writeFile(index, text.replace(`(${GET_USER_LINK})`, `(${link})`));
}

describe("an llms.txt link that leaves the site fails the import (it is never skipped)", () => {
  // Skipping such a link used to delete the fragment of the page it replaced, as if the page had left the index.
  it.each([
    ["../../etc/passwd", /^leaves the site: its "\.\." segments climb above the site's root/],
    ["%2e%2e/%2E%2E/etc/passwd", /^leaves the site: its "\.\." segments climb above the site's root/],
    [
      "https://docs.codegen.com/api-reference/../../etc/passwd",
      /^leaves the site: its "\.\." segments climb above the site's root \(it resolves to https:\/\/docs\.codegen\.com\/etc\/passwd\)$/,
    ],
    [
      "https://docs.codegen.com/api-reference/users/%2e%2e/.%2E/%2e./etc/passwd",
      /^leaves the site: its "\.\." segments climb/,
    ],
    [
      "https://docs.codegen.com/api-reference\\..\\..\\etc\\passwd",
      /^leaves the site: its "\.\." segments climb/,
    ],
    [
      "file:///etc/passwd",
      /^is not an http\(s\) URL \(file:\), so it leaves the site https:\/\/docs\.codegen\.com$/,
    ],
    [
      "https://evil.example/etc/passwd",
      /^leaves the site: it is on https:\/\/evil\.example, the index's pages are on https:\/\/docs\.codegen\.com$/,
    ],
    [
      "https://evil.example/api-reference/users/get-user.md",
      /^leaves the site: it is on https:\/\/evil\.example/,
    ],
    ["//evil.example/api-reference/users/get-user.md", /^leaves the site: it is on https:\/\/evil\.example/],
    [
      "http://docs.codegen.com/api-reference/users/get-user.md",
      /^leaves the site: it is on http:\/\/docs\.codegen\.com/,
    ],
  ])("%s", async (link, why) => {
    await linkGetUserTo(link);
    const error = await importFailure({ source: docs, outDir: out });
    expect(error.source).toBe(index);
    const prefix = `the link "${link}" `;
    expect(error.problem.startsWith(prefix), error.problem).toBe(true);
    expect(error.problem.slice(prefix.length)).toMatch(why);
  });

  it("a link with dot segments that stays on the site is read where it resolves", async () => {
    await linkGetUserTo("https://docs.codegen.com/api-reference/agents/../users/./get-user.md");
    const result = await importDocs({ source: docs, outDir: out });
    expect(result.removed).toEqual([]);
    expect(result.pages.written).toEqual(["docs-pages/llms.txt"]);
  });

  it("a relative link is resolved on the site (from llms.txt at its root)", async () => {
    await linkGetUserTo("api-reference/users/get-user.md");
    const result = await importDocs({ source: docs, outDir: out });
    expect(result.removed).toEqual([]);
    expect(result.written).toEqual([]);
  });

  it("the CLI reports such a link in one line (llms.txt, the link, why), exit 1, no stack trace", async () => {
    await linkGetUserTo("file:///etc/passwd");
    const before = await readTree(out);
    const { code, stderr } = await runImportCli([docs, "--out", out]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toEqual([
      "docs:import failed, no fragment or kept page was changed:",
      `  ${index}: the link "file:///etc/passwd" is not an http(s) URL (file:), so it leaves the site https://docs.codegen.com`,
    ]);
    expect(await readTree(out)).toEqual(before);
  });
});

describe("a docs section that cannot be a folder of fragments fails the import, naming the link", () => {
  it.each([
    ["overrides", "the output directory's overrides/ is reserved (overrides, docs-pages hold no fragments)"],
    [
      "docs-pages",
      "the output directory's docs-pages/ is reserved (overrides, docs-pages hold no fragments)",
    ],
    ["Overrides", "the output directory's overrides/ is reserved (overrides, docs-pages hold no fragments)"],
    ["", "the section name is empty"],
    ["..%2F..%2Fetc", "the section name contains a path separator (/ or \\)"],
    ["users%5C..", "the section name contains a path separator (/ or \\)"],
    [
      ".git",
      "a section folder is named with lowercase letters, digits and - only (no dot, escape or other character)",
    ],
    [
      "us%65rs",
      "a section folder is named with lowercase letters, digits and - only (no dot, escape or other character)",
    ],
  ])('"%s"', async (section, problem) => {
    const link = `https://docs.codegen.com/api-reference/${section}/get-user.md`;
    await linkGetUserTo(link);
    const error = await importFailure({ source: docs, outDir: out });
    expect(error.message).toBe(
      `${index}: the link ${link} is in the docs section "${section}", which cannot be a folder of fragments: ${problem}`,
    );
  });
});
