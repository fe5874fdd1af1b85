/**
 * `npm run docs:import -- <dir|https URL> [--out <dir>]`: turns the docs' API-reference pages into one
 * OpenAPI fragment per operation under openapi/<section>/<slug>.yaml, and keeps the pages it read under
 * openapi/docs-pages/, which is itself a source: `npm run docs:import -- openapi/docs-pages` re-imports offline
 * (see scripts/lib/import/).
 */
import { parseArgs } from "node:util";
import { ImportError } from "./lib/import/errors.js";
import { importDocs } from "./lib/import/import-docs.js";

const usage =
  "usage: npm run docs:import -- <docs dir | https URL> [--out <dir>]   (default --out openapi/)\n" +
  "       npm run docs:import -- openapi/docs-pages   (re-imports the pages kept by the last import, offline)";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { out: { type: "string", default: "openapi" }, help: { type: "boolean" } },
    });
  } catch (error) {
    console.error(`docs:import: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  try {
    await importDocs({
      source: parsed.positionals[0]!,
      outDir: parsed.values.out!,
      log: (line) => console.log(line),
    });
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`docs:import failed, no fragment or kept page was changed:\n  ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
