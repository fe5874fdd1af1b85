import { createConfig, lintFromString, loadConfig, type Config } from "@redocly/openapi-core";
import { BuildError } from "./errors.js";
import { isRecord, unescapePointerSegment, type JsonObject } from "../json.js";
import { operationKey, type Origins } from "./merge.js";

export interface LintProblem {
  severity: "error" | "warn";
  rule: string;
  message: string;
  /** JSON pointer in the merged spec, e.g. "#/paths/~1v1~1users~1me/get/responses". */
  pointer: string;
  /** Where the rule was checking from, when it differs (an example rule: the media type, parameter or schema). */
  from?: string;
}

/** Redocly's rules that check an example against its schema (see dropInvalidExamples). */
const EXAMPLE_RULES = new Set([
  "no-invalid-media-type-examples",
  "no-invalid-parameter-examples",
  "no-invalid-schema-examples",
]);

/**
 * Lints the merged spec with Redocly's engine (@redocly/openapi-core: the library @redocly/cli is built on,
 * called in-process, which saves the CLI's ~1 s start-up) and the rules of `redocly.yaml`.
 */
export async function lintSpec(spec: object, configPath: string | undefined): Promise<LintProblem[]> {
  const config: Config = configPath
    ? await loadConfig({ configPath })
    : await createConfig({ extends: ["recommended"] });
  const problems = await lintFromString({
    source: JSON.stringify(spec),
    absoluteRef: "openapi.json",
    config,
  });
  return problems
    .filter((problem) => problem.severity !== ("off" as string) && !problem.ignored)
    .map((problem) => ({
      severity: problem.severity === "error" ? "error" : "warn",
      rule: problem.ruleId,
      message: problem.message,
      pointer: problem.location[0]?.pointer ?? "#",
      ...(problem.from ? { from: problem.from.pointer } : {}),
    }));
}

/** Turns lint problems into one BuildError naming the fragment and operation of the first problem. */
export function lintFailure(
  problems: readonly LintProblem[],
  origins: Origins,
  specFile: string,
): BuildError {
  const lines = problems.map((problem) => {
    const { file, operation } = locate(problem.pointer, origins);
    return (
      `  ${problem.severity} ${problem.rule}: ${problem.message} at ${problem.pointer}` +
      (file ? ` (${file}${operation ? `, ${operation}` : ""})` : "")
    );
  });
  const first = locate(problems[0]?.pointer ?? "#", origins);
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return new BuildError(
    { file: first.file ?? specFile, operation: first.operation },
    `lint failed (redocly.yaml): ${errors} error(s), ${problems.length - errors} warning(s)\n${lines.join("\n")}`,
  );
}

/**
 * Drops from the spec every example that an example rule found not to match its schema, and returns one
 * "docs defect" warning per example, naming its fragment, operation and place. A stale example is the docs'
 * defect, not the API's: it must not block a release, and must not ship either. Problems this cannot trace
 * to an example of its own object (a `$ref`ed example, a schema the validator cannot compile) are left in
 * place: linting again reports them as failures.
 */
export function dropInvalidExamples(
  spec: JsonObject,
  problems: readonly LintProblem[],
  origins: Origins,
  specFile: string,
): string[] {
  /** By the example's pointer: the object holding it, the example's place in it, what does not match. */
  const found = new Map<string, { holder: string; place: string[]; details: string[] }>();
  for (const problem of problems) {
    if (!EXAMPLE_RULES.has(problem.rule) || problem.from === undefined) continue;
    const place = examplePlace(problem.from, problem.pointer);
    if (place === undefined) continue;
    const pointer = [problem.from, ...place].join("/");
    const entry = found.get(pointer) ?? { holder: problem.from, place, details: [] };
    const detail = problem.message
      .replace(/^Example value must conform to the schema: /, "")
      .replace(/\.$/, "");
    const inside = problem.pointer.slice(pointer.length);
    entry.details.push(inside ? `${detail} at ${inside}` : detail);
    found.set(pointer, entry);
  }
  const warnings = [...found.values()].map(({ holder, place, details }) => {
    const { file, operation } = locate(holder, origins);
    const where = [file ?? specFile, operation && `(${operation})`].filter(Boolean).join(" ");
    return (
      `${where}: docs defect: ${exampleName(place)} of ${holderName(spec, holder)} does not match its ` +
      `schema (${details.join("; ")}): dropped`
    );
  });
  // Highest index first, so that removing an item of an `examples` list does not move the next one to remove.
  const index = ({ place }: { place: string[] }) =>
    place[1] !== undefined && /^\d+$/.test(place[1]) ? Number(place[1]) : -1;
  for (const { holder: pointer, place } of [...found.values()].sort((a, b) => index(b) - index(a))) {
    const holder = valueAt(spec, segmentsOf(pointer));
    if (!isRecord(holder)) continue;
    const [, key] = place;
    if (key === undefined) {
      delete holder.example;
      continue;
    }
    const examples = holder.examples;
    if (Array.isArray(examples)) examples.splice(Number(key), 1);
    else if (isRecord(examples)) delete examples[unescapePointerSegment(key)];
    if (Object.keys(examples ?? {}).length === 0) delete holder.examples;
  }
  return warnings;
}

/**
 * Where in `holder` the example a problem at `pointer` lies: ["example"] or ["examples", name or index]
 * (pointer-escaped), or undefined when the problem is not inside an example of the holder's own.
 */
function examplePlace(holder: string, pointer: string): string[] | undefined {
  if (!pointer.startsWith(`${holder}/`)) return undefined;
  const [field, key] = pointer.slice(holder.length + 1).split("/");
  if (field === "example") return [field];
  if (field === "examples" && key !== undefined) return [field, key];
  return undefined;
}

function exampleName([, key]: string[]): string {
  if (key === undefined) return "example";
  return /^\d+$/.test(key) ? `examples[${key}]` : `example "${unescapePointerSegment(key)}"`;
}

/** What holds the example, in the reader's words: "response 200 (application/json)", "parameter \"id\"", … */
function holderName(spec: JsonObject, holder: string): string {
  const segments = segmentsOf(holder);
  const inOperation = segments[0] === "paths" ? segments.slice(3) : [];
  const [first, second, third, fourth] = inOperation;
  if (first === "responses" && third === "content" && inOperation.length === 4)
    return `response ${second} (${fourth})`;
  if (first === "requestBody" && second === "content" && inOperation.length === 3)
    return `request body (${third})`;
  const parameter = valueAt(spec, segments);
  if (segments.at(-2) === "parameters" && isRecord(parameter) && typeof parameter.name === "string")
    return `parameter "${parameter.name}"`;
  return `the schema at ${holder}`;
}

function segmentsOf(pointer: string): string[] {
  return pointer.replace(/^#\/?/, "").split("/").map(unescapePointerSegment);
}

function valueAt(document: unknown, segments: readonly string[]): unknown {
  let current = document;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** Maps a pointer into the merged spec back to the fragment (and operation) it came from. */
function locate(pointer: string, origins: Origins): { file?: string; operation?: string } {
  const segments = segmentsOf(pointer);
  if (segments[0] === "paths" && segments[1] !== undefined && segments[2] !== undefined) {
    const operation = operationKey(segments[2], segments[1]);
    const file = origins.operations.get(operation);
    if (file) return { file, operation };
  }
  if (segments[0] === "paths" && segments[1] !== undefined) {
    // A path-level field: every operation of the path shares it, the first one's fragment holds it.
    const key = [...origins.operations.keys()].find((candidate) => candidate.endsWith(` ${segments[1]}`));
    if (key) return { file: origins.operations.get(key) };
  }
  if (segments[0] === "components" && segments[1] !== undefined && segments[2] !== undefined)
    return { file: origins.components.get(`${segments[1]}/${segments[2]}`) };
  return {};
}
