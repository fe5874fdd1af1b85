import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { serveDocs, type DocsSite } from "../servers/docs-site.js";
import { copyOfDocs, importFailure, readTree, runImportCli, scratchDir } from "./helpers.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let out: string;
let site: DocsSite;
beforeEach(async () => {
  scratch = await scratchDir();
  const docs = await copyOfDocs(scratch.path);
  out = join(scratch.path, "openapi");
  await importDocs({ source: docs, outDir: out });
  // The host answers every page but one: that one gets its headers and a few bytes, then nothing, forever.
  site = await serveDocs(docs, { stall: (path) => path === "/api-reference/users/get-user.md" });
});
afterEach(async () => {
  await site.close();
  await scratch.cleanup();
});

describe("a page that stalls after its headers", () => {
  it("fails the import with the page's URL and the timeout, leaving the outputs as they were", async () => {
    const error = await importFailure({ source: site.url, outDir: out, pageTimeoutSeconds: 1 });
    expect(error.message).toBe(
      `${site.url}api-reference/users/get-user.md: timed out after 1 s without a complete answer (see --page-timeout)`,
    );
  });

  it("`docs:import --page-timeout 1` exits 1 with that one-line error and no stack trace", async () => {
    const before = await readTree(out);
    const { code, stderr } = await runImportCli([site.url, "--out", out, "--page-timeout", "1"]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toEqual([
      "docs:import failed, no fragment or kept page was changed:",
      `  ${site.url}api-reference/users/get-user.md: timed out after 1 s without a complete answer (see --page-timeout)`,
    ]);
    expect(await readTree(out)).toEqual(before);
  });

  it.each(["0", "-1", "soon", "86401"])("`--page-timeout %s` is bad usage (exit 2)", async (value) => {
    const { code, stderr } = await runImportCli([site.url, "--out", out, `--page-timeout=${value}`]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `--page-timeout must be a number of seconds above 0 and at most 86400, got "${value}"`,
    );
    expect(site.requests).toEqual([]);
  });
});
