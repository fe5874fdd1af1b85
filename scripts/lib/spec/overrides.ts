import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BuildError } from "./errors.js";
import { isRecord, type JsonObject } from "../json.js";
import { HTTP_METHODS } from "../http-methods.js";
import { operationKey } from "./merge.js";
import { resolvePointer } from "./validate.js";

/**
 * A hand-written correction of an upstream docs defect, applied to the merged spec at build time.
 *
 * An override corrects either a rule (every operation showing the defect, however many pages repeat it, so a
 * new page with the same defect builds with no hand edit) or named operations. `apply` meets one of three
 * outcomes for each target, so that nothing is ever patched twice and nothing is patched blindly:
 * - the defect is there exactly as described: correct it;
 * - there is nothing to correct (a rule matched no operation, `tools.operation` found the operation gone):
 *   `tools.notice` it (`tools.operation` does so itself). The build passes with a warning saying the docs
 *   may be fixed and the override may be deleted;
 * - the target is there but no longer as described (the page changed): `tools.expect` fails the build,
 *   naming the override file and the operation, until someone decides whether the correction still holds.
 * Override files import this module for types only (`import type`), so they carry no runtime dependency.
 */
export interface Override {
  /** What is corrected, in a few words (shown in errors and in the README table). */
  title: string;
  /** Why: what is wrong upstream and what the correction rests on (the page text, other operations…). */
  why: string;
  apply(spec: JsonObject, tools: OverrideTools): void;
}

export interface OverrideTools {
  /** The operation, or undefined after a notice when it vanished upstream (skip it: nothing to correct). */
  operation(method: string, path: string): JsonObject | undefined;
  /** Every operation of the spec, in path order, with its path item (for path-level parameters). */
  operations(): Array<{ method: string; path: string; operation: JsonObject; pathItem: JsonObject }>;
  /** What a local `$ref` ("#/components/…") points to; any other value as it is. */
  resolve(value: unknown): unknown;
  /** Fails the build (naming the override and the operation) unless `condition` holds. */
  expect(condition: unknown, problem: string, operation?: string): void;
  /** Reports that there was nothing to correct: a build warning, not a failure. */
  notice(problem: string, operation?: string): void;
}

export interface LoadedOverride extends Override {
  /** e.g. "openapi/overrides/bearer-auth.ts" */
  file: string;
}

/** Loads `<overridesDir>/*.ts` (default exports), sorted by file name, which is the order they apply in. */
export async function loadOverrides(overridesDir: string, displayDir: string): Promise<LoadedOverride[]> {
  let names: string[];
  try {
    names = (await readdir(overridesDir)).filter((name) => name.endsWith(".ts")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return Promise.all(
    names.map(async (name) => {
      const file = `${displayDir}/${name}`;
      const loaded: unknown = (await import(pathToFileURL(join(overridesDir, name)).href)).default;
      if (
        !isRecord(loaded) ||
        typeof loaded.title !== "string" ||
        typeof loaded.why !== "string" ||
        !loaded.why.trim() ||
        typeof loaded.apply !== "function"
      )
        throw new BuildError(
          { file },
          "an override must `export default { title, why, apply } satisfies Override`",
        );
      return { ...(loaded as unknown as Override), file };
    }),
  );
}

/**
 * Applies each override in turn and returns its notices (build warnings); a failed `expect` becomes a
 * BuildError naming the override's file.
 */
export function applyOverrides(spec: JsonObject, overrides: readonly LoadedOverride[]): string[] {
  const notices: string[] = [];
  for (const override of overrides) {
    const where = (operation: string | undefined) =>
      operation ? `${override.file} (${operation})` : override.file;
    const fail = (problem: string, operation?: string): never => {
      throw new BuildError(
        { file: override.file, operation },
        `override "${override.title}" no longer applies: ${problem}. The docs changed upstream: ` +
          "if the defect is fixed, delete the override; otherwise update it",
      );
    };
    const tools: OverrideTools = {
      operation(method, path) {
        const operation = (spec.paths as Record<string, JsonObject> | undefined)?.[path]?.[
          method.toLowerCase()
        ];
        if (isRecord(operation)) return operation;
        tools.notice("the operation vanished", operationKey(method, path));
        return undefined;
      },
      operations() {
        return Object.entries((spec.paths ?? {}) as Record<string, JsonObject>).flatMap(([path, pathItem]) =>
          HTTP_METHODS.filter((method) => isRecord(pathItem[method])).map((method) => ({
            method,
            path,
            operation: pathItem[method] as JsonObject,
            pathItem,
          })),
        );
      },
      resolve(value) {
        if (isRecord(value) && typeof value.$ref === "string") return resolvePointer(spec, value.$ref);
        return value;
      },
      expect(condition, problem, operation) {
        if (!condition) fail(problem, operation);
      },
      notice(problem, operation) {
        notices.push(
          `${where(operation)}: override "${override.title}" found nothing to correct: ${problem}; ` +
            `the docs may be fixed: delete ${override.file}`,
        );
      },
    };
    override.apply(spec, tools);
  }
  return notices;
}
