/**
 * `npm run build [-- --check] [-- --quiet]`: merges openapi/base.yaml, the fragments and openapi/overrides/
 * into src/generated/{openapi.json,schema.ts,operations.ts}, records API changes in CHANGELOG.md, regenerates
 * the README's coverage table (see scripts/lib/spec/pipeline.ts for the steps), then bundles dist/.
 *   --check  write nothing; exit 1 naming the generated files that differ from what the inputs produce
 *   --quiet  do not print the step timings
 */
import { parseArgs } from "node:util";
import { BuildError } from "./lib/spec/errors.js";
import { buildDistIfStale } from "./lib/spec/dist-step.js";
import { runBuild } from "./lib/spec/pipeline.js";
import { exitIfHelp, usageLine, type Usage } from "./lib/cli-help.js";
import { describeSystemError } from "./lib/system-error.js";

const USAGE: Usage = {
  command: "npm run build",
  summary:
    "merges openapi/ (fragments, base, overrides) into the corrected spec, generates src/generated/ (types, " +
    "helpers, rate limits), appends the change report to CHANGELOG.md, regenerates the README's coverage table " +
    "and bundles dist/. Offline; skipped when no input changed.",
  options: [
    [
      "--check",
      "off",
      "write nothing; exit 1 naming the generated files that differ from what the inputs produce",
    ],
    ["--quiet", "off", "do not print the step timings (errors and warnings still print)"],
    ["--no-cache", "off", "run every step even if no input changed"],
  ],
  exitCodes: [
    [0, "built (or, with --check, everything up to date)"],
    [1, "the build failed (the error names the file, operation and problem), or --check found stale files"],
    [2, "bad usage"],
  ],
};

async function main(): Promise<number> {
  exitIfHelp(USAGE);
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        check: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        "no-cache": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`build: ${(error as Error).message}\n${usageLine(USAGE)}`);
    return 2;
  }
  const started = performance.now();
  const say = (line: string) => {
    if (!values.quiet) console.log(line);
  };
  try {
    const result = await runBuild({
      rootDir: process.cwd(),
      check: values.check,
      cache: !values["no-cache"],
      onStep: ({ name, ms }) => say(`  ${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms`),
      log: say,
    });
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    if (values.check) {
      const total = `${(performance.now() - started).toFixed(0)} ms`;
      if (result.stale.length) {
        console.error(
          "build --check: generated files are stale (run `npm run build` and commit them):\n" +
            result.stale.map((file) => `  ${file}`).join("\n"),
        );
        return 1;
      }
      say(
        `build --check: generated files are up to date${result.cached ? " (inputs unchanged)" : ""} (${total})`,
      );
      return 0;
    }
    const distStarted = performance.now();
    if (await buildDistIfStale(process.cwd()))
      say(
        `  ${"dist/ (esbuild + tsc)".padEnd(32)} ${(performance.now() - distStarted).toFixed(0).padStart(6)} ms`,
      );
    const total = `${(performance.now() - started).toFixed(0)} ms`;
    if (result.cached) say(`build: inputs unchanged, nothing to do (${total})`);
    else
      say(
        `build: ${result.written.length ? `wrote ${result.written.join(", ")}` : "outputs already up to date"} (${total})`,
      );
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(
        `build failed, no generated file was changed:\n  ${error.message.replaceAll("\n", "\n  ")}`,
      );
      return 1;
    }
    const system = describeSystemError(error);
    if (!system) throw error;
    console.error(`build failed: ${system}`);
    return 1;
  }
}

process.exitCode = await main();
