/**
 * `npm run api:report [-- --check]`: writes api/codegen-api.api.md, the report of the public surface (see
 * scripts/lib/api-report.ts).
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { exitIfHelp, usageLine, type Usage } from "./lib/cli-help.js";

const USAGE: Usage = {
  command: "npm run api:report",
  summary:
    "writes api/codegen-api.api.md: every name src/index.ts exports, with its declaration as the published " +
    ".d.ts states it. Commit it with any change to the public surface.",
  options: [["--check", "off", "write nothing; exit 1 when the committed report differs"]],
  exitCodes: [
    [0, "written (or, with --check, up to date)"],
    [1, "--check: the committed report differs"],
    [2, "bad usage"],
  ],
};

async function main(): Promise<number> {
  exitIfHelp(USAGE);
  let check: boolean;
  try {
    check = parseArgs({ options: { check: { type: "boolean", default: false } } }).values.check;
  } catch (error) {
    console.error(`api:report: ${(error as Error).message}\n${usageLine(USAGE)}`);
    return 2;
  }
  const { API_REPORT_PATH, renderApiReport } = await import("./lib/api-report.js");
  const rootDir = process.cwd();
  const file = join(rootDir, API_REPORT_PATH);
  const report = await renderApiReport(rootDir);
  if (check) {
    const committed = await readFile(file, "utf8").catch(() => "");
    if (committed === report) return 0;
    console.error(
      `api:report: ${API_REPORT_PATH} differs from the public surface: run \`npm run api:report\``,
    );
    return 1;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, report);
  console.log(`api:report: wrote ${API_REPORT_PATH}`);
  return 0;
}

process.exitCode = await main();
