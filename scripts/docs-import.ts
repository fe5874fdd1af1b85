/**
 * `npm run docs:import -- <dir|https URL> [--out <dir>] [--page-timeout <seconds>]`: turns the docs'
 * API-reference pages into one OpenAPI fragment per operation under openapi/<section>/<slug>.yaml, and keeps the
 * pages it read under openapi/docs-pages/, which is itself a source: `npm run docs:import -- openapi/docs-pages`
 * re-imports offline (see scripts/lib/import/ and docs/docs-import.md).
 */
import { parseArgs } from "node:util";
import { ImportError } from "./lib/import/errors.js";
import { describeSystemError } from "./lib/system-error.js";
import { importDocs } from "./lib/import/import-docs.js";
import { DEFAULT_PAGE_TIMEOUT_SECONDS } from "./lib/import/source.js";
import { exitIfHelp, usageLine, type Usage } from "./lib/cli-help.js";

const USAGE: Usage = {
  command: "npm run docs:import",
  summary:
    "turns the docs' API-reference pages into one OpenAPI fragment per operation (<out>/<section>/<slug>.yaml) " +
    "and keeps the pages it read under <out>/docs-pages/. A page gone from llms.txt removes its fragment. " +
    "`npm run docs:import -- openapi/docs-pages` re-imports the kept pages offline.",
  arguments: [["<source>", "a docs directory, or the docs site's https URL (https://docs.codegen.com)"]],
  options: [
    ["--out <dir>", "openapi", "where the fragments and the kept pages go"],
    [
      "--page-timeout <seconds>",
      String(DEFAULT_PAGE_TIMEOUT_SECONDS),
      "seconds allowed per page of a URL source, body included",
    ],
  ],
  exitCodes: [
    [0, "imported"],
    [1, "a page could not be read or imported (nothing was changed)"],
    [2, "bad usage"],
  ],
};

/** A day: far more than any page needs, and well within what a timer can count (about 24.8 days). */
const MAX_PAGE_TIMEOUT_SECONDS = 86_400;

async function main(): Promise<number> {
  exitIfHelp(USAGE);
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: "string", default: "openapi" },
        "page-timeout": { type: "string", default: String(DEFAULT_PAGE_TIMEOUT_SECONDS) },
      },
    });
  } catch (error) {
    console.error(`docs:import: ${(error as Error).message}\n${usageLine(USAGE)}`);
    return 2;
  }
  const pageTimeoutSeconds = Number(parsed.values["page-timeout"]);
  if (!(pageTimeoutSeconds > 0 && pageTimeoutSeconds <= MAX_PAGE_TIMEOUT_SECONDS)) {
    console.error(
      `docs:import: --page-timeout must be a number of seconds above 0 and at most ${MAX_PAGE_TIMEOUT_SECONDS}, ` +
        `got "${parsed.values["page-timeout"]}"\n${usageLine(USAGE)}`,
    );
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`docs:import: expected one source\n${usageLine(USAGE)}`);
    return 2;
  }
  try {
    await importDocs({
      source: parsed.positionals[0]!,
      outDir: parsed.values.out!,
      pageTimeoutSeconds,
      log: (line) => console.log(line),
    });
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`docs:import failed, no fragment or kept page was changed:\n  ${error.message}`);
      return 1;
    }
    const system = describeSystemError(error);
    if (!system) throw error;
    console.error(`docs:import failed: ${system}`);
    return 1;
  }
}

process.exitCode = await main();
