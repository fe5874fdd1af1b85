import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { serveDocs, type DocsSite } from "../servers/docs-site.js";
import { copyOfDocs, importFailure, readTree, runImportCli, scratchDir } from "./helpers.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let docs: string;
let out: string;
const sites: DocsSite[] = [];
beforeEach(async () => {
  scratch = await scratchDir();
  docs = await copyOfDocs(scratch.path);
  out = join(scratch.path, "openapi");
  await importDocs({ source: docs, outDir: out });
});
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
  await scratch.cleanup();
});

/** A docs host that sends the headers and a few bytes of `path`, then nothing, forever. */
async function stallingOn(path: string): Promise<DocsSite> {
  const site = await serveDocs(docs, { stall: (requested) => requested === path });
  sites.push(site);
  return site;
}

const TIMED_OUT = "timed out after 1 s without a complete answer (see --page-timeout)";

describe("a page that stalls after its headers", () => {
  it("fails the import with the page's URL and the timeout, leaving the outputs as they were", async () => {
    // llms.txt is the import's first and only request here, so no other page can time out first under load.
    const site = await stallingOn("/llms.txt");
    const error = await importFailure({ source: site.url, outDir: out, pageTimeoutSeconds: 1 });
    expect(error.message).toBe(`${site.url}llms.txt: ${TIMED_OUT}`);
  });

  it("`docs:import --page-timeout 1` reports it in one line, exits 1 and leaves the outputs as they were", async () => {
    // An operation page stalls while the others are fetched beside it: the CLI must still exit once it has
    // reported the timeout (a socket left open by the abort used to keep it running). On a loaded machine
    // another page may run out of its second first, hence any page of the site in the message.
    const site = await stallingOn("/api-reference/users/get-user.md");
    const before = await readTree(out);
    const { code, stderr } = await runImportCli([site.url, "--out", out, "--page-timeout", "1"]);
    expect(code).toBe(1);
    const [header, error, ...rest] = stderr.trimEnd().split("\n");
    expect(header).toBe("docs:import failed, no fragment or kept page was changed:");
    expect(error).toMatch(new RegExp(`^  ${escape(site.url)}\\S+\\.(md|txt): ${escape(TIMED_OUT)}$`));
    expect(rest).toEqual([]);
    expect(await readTree(out)).toEqual(before);
  });

  it.each(["0", "-1", "soon", "86401"])("`--page-timeout %s` is bad usage (exit 2)", async (value) => {
    const site = await stallingOn("/llms.txt");
    const { code, stderr } = await runImportCli([site.url, "--out", out, `--page-timeout=${value}`]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `--page-timeout must be a number of seconds above 0 and at most 86400, got "${value}"`,
    );
    expect(site.requests).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
