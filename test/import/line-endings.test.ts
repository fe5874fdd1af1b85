import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { FIXTURE_DOCS, copyOfDocs, readTree, scratchDir } from "./helpers.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => {
  scratch = await scratchDir();
});
afterEach(async () => {
  await scratch.cleanup();
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const OVERVIEW = "api-reference/overview.md";
const GET_USER = "api-reference/users/get-user.md";
const INDEX = "llms.txt";

describe("docs saved with a BOM and CRLF or CR line ends import exactly like their LF originals", () => {
  // Fragments, their provenance hashes and the kept pages: the whole output is the LF import's.
  it.each([
    ["overview.md", [OVERVIEW], "\r\n"],
    ["an operation page", [GET_USER], "\r\n"],
    ["llms.txt", [INDEX], "\r\n"],
    ["every file read, with lone CRs", [INDEX, OVERVIEW, GET_USER], "\r"],
  ])("%s", async (_, files, lineEnd) => {
    const docs = await copyOfDocs(scratch.path);
    for (const file of files) {
      const path = join(docs, ...file.split("/"));
      const text = await readFile(path, "utf8");
      expect(text).not.toMatch(/\r|^\uFEFF/);
      await writeFile(path, Buffer.concat([BOM, Buffer.from(text.replace(/\n/g, lineEnd))]));
    }
    const windows = join(scratch.path, "from-windows");
    const unix = join(scratch.path, "from-lf");
    await importDocs({ source: docs, outDir: windows });
    await importDocs({ source: FIXTURE_DOCS, outDir: unix });
    expect(await readTree(windows)).toEqual(await readTree(unix));
  });
});
