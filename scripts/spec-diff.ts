/**
 * npm run spec:diff [-- <old> <new>] [--json] [--fail-on-breaking] [--changelog]
 *
 * Compares two merged specs (JSON or YAML files) and prints what changed, classified for code using this
 * client. Without files: the committed src/generated/openapi.json (git HEAD) against the working tree's, and
 * the committed helper surface (src/generated/surface.json) against the working tree's.
 * Exit codes: 0 done, 1 breaking changes with --fail-on-breaking, 2 bad usage or unreadable spec.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { parse as parseYaml } from "yaml";
import type { SurfaceReport } from "./lib/spec/render-helpers.js";
import { exitIfHelp, usageLine, type Usage } from "./lib/cli-help.js";
import {
  appendToChangelog,
  diffSpecs,
  diffSurfaces,
  withSurfaceChanges,
  renderMarkdown,
  SpecDiffError,
  type OpenApiDocument,
} from "./lib/diff/index.js";

const SPEC_PATH = "src/generated/openapi.json";
const SURFACE_PATH = "src/generated/surface.json";
const CHANGELOG_PATH = "CHANGELOG.md";
const USAGE: Usage = {
  command: "npm run spec:diff",
  summary:
    "prints what changed between two merged specs, classified for code using this client (breaking, " +
    "non-breaking, docs only) with the semver bump. Without files: the committed src/generated/openapi.json " +
    "(git HEAD) against the working tree's, plus the helper surface (surface.json).",
  arguments: [["[<old> <new>]", "two spec files (JSON or YAML) to compare instead (give both or none)"]],
  options: [
    ["--json", "off", "print the ChangeReport (bump, counts, changes[]) instead of the markdown report"],
    ["--fail-on-breaking", "off", "exit 1 when any change is breaking (for CI)"],
    ["--changelog", "off", 'also append the report to CHANGELOG.md under "Unreleased"'],
  ],
  exitCodes: [
    [0, "report printed"],
    [1, "breaking changes, with --fail-on-breaking"],
    [2, "bad usage, or a spec that cannot be read"],
  ],
};

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  exitIfHelp(USAGE, argv);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      "fail-on-breaking": { type: "boolean", default: false },
      changelog: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 0 && positionals.length !== 2)
    throw new UsageError(`expected two spec files or none; ${usageLine(USAGE)}`);

  const [previous, next] =
    positionals.length === 2
      ? await Promise.all(positionals.map((file) => readSpecFile(file)))
      : [await readCommittedSpec(), await readSpecFile(SPEC_PATH, "run `npm run build` first")];
  let report = diffSpecs(previous!, next!);
  // Against the committed tree, what changed for helper users too (the committed surface.json vs the rebuilt one).
  if (positionals.length === 0) {
    const [was, is] = await Promise.all([readCommittedSurface(), readJsonFile(SURFACE_PATH)]);
    if (was && is) report = withSurfaceChanges(report, diffSurfaces(was, is));
  }

  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(renderMarkdown(report, { version: await packageVersion() }).trimEnd());
  if (values.changelog && report.changes.length > 0) {
    const written = await appendToChangelog(resolve(CHANGELOG_PATH), report);
    console.error(
      written ? `recorded under "Unreleased" in ${CHANGELOG_PATH}` : `already recorded in ${CHANGELOG_PATH}`,
    );
  }
  return values["fail-on-breaking"] && report.counts.breaking > 0 ? 1 : 0;
}

async function readSpecFile(file: string, hint?: string): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new UsageError(`${file}: ${reason}${hint ? ` (${hint})` : ""}`);
  }
  return parseSpec(text, file);
}

function parseSpec(text: string, source: string): OpenApiDocument {
  let document: unknown;
  try {
    document = /\.ya?ml$/i.test(source) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${source}: not valid ${/\.ya?ml$/i.test(source) ? "YAML" : "JSON"}: ${(error as Error).message}`,
    );
  }
  if (
    typeof document !== "object" ||
    document === null ||
    Array.isArray(document) ||
    !("paths" in document)
  ) {
    throw new UsageError(`${source}: not an OpenAPI document (no "paths")`);
  }
  return document as OpenApiDocument;
}

/** The spec as last committed; a repository without one yet compares against an empty spec (all "added"). */
async function readCommittedSpec(): Promise<OpenApiDocument> {
  const source = `HEAD:${SPEC_PATH}`;
  try {
    const { stdout } = await promisify(execFile)("git", ["show", source], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return parseSpec(stdout, source);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    if (/does not exist|exists on disk, but not in|invalid object name|bad revision/i.test(stderr)) {
      console.error(`note: ${SPEC_PATH} is not committed yet; comparing with an empty spec`);
      return { openapi: "3.1.0", paths: {} };
    }
    throw new UsageError(`git show ${source} failed: ${stderr.trim() || String(error)}`);
  }
}

/** The helper surface as last committed, or undefined when there is none yet (nothing to compare). */
async function readCommittedSurface(): Promise<SurfaceReport | undefined> {
  try {
    const { stdout } = await promisify(execFile)("git", ["show", `HEAD:${SURFACE_PATH}`], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as SurfaceReport;
  } catch {
    return undefined;
  }
}

async function readJsonFile(file: string): Promise<SurfaceReport | undefined> {
  return readFile(file, "utf8").then(
    (text) => JSON.parse(text) as SurfaceReport,
    () => undefined,
  );
}

async function packageVersion(): Promise<string | undefined> {
  try {
    const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version?: unknown };
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const expected =
      error instanceof UsageError ||
      error instanceof SpecDiffError ||
      String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`);
    // Only an unexpected failure (a bug) deserves a stack trace.
    if (!expected && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 2;
  },
);
