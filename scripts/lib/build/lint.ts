import { createConfig, lintFromString, loadConfig, type Config } from "@redocly/openapi-core";
import { BuildError } from "./errors.js";
import { unescapePointerSegment } from "./json.js";
import { operationKey, type Origins } from "./merge.js";

export interface LintProblem {
  severity: "error" | "warn";
  rule: string;
  message: string;
  /** JSON pointer in the merged spec, e.g. "#/paths/~1v1~1users~1me/get/responses". */
  pointer: string;
}

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

/** Maps a pointer into the merged spec back to the fragment (and operation) it came from. */
function locate(pointer: string, origins: Origins): { file?: string; operation?: string } {
  const segments = pointer.replace(/^#\/?/, "").split("/").map(unescapePointerSegment);
  if (segments[0] === "paths" && segments[1] !== undefined && segments[2] !== undefined) {
    const operation = operationKey(segments[2], segments[1]);
    const file = origins.operations.get(operation);
    if (file) return { file, operation };
  }
  if (segments[0] === "components" && segments[1] !== undefined && segments[2] !== undefined)
    return { file: origins.components.get(`${segments[1]}/${segments[2]}`) };
  return {};
}
