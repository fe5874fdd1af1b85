import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BuildError } from "./errors.js";
import { isRecord, type JsonObject } from "./json.js";
import { HTTP_METHODS } from "./load.js";
import { operationKey } from "./merge.js";

/**
 * A hand-written correction of an upstream docs defect, applied to the merged spec at build time.
 * `apply` must first assert that the defect is still there, exactly as described (`tools.expect`), so that a
 * fixed or changed page fails the build naming the override instead of being silently patched twice.
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
  /** The operation, or a failure saying it vanished upstream. */
  operation(method: string, path: string): JsonObject;
  /** Every operation of the spec, in path order. */
  operations(): Array<{ method: string; path: string; operation: JsonObject }>;
  /** Fails the build (naming the override and the operation) unless `condition` holds. */
  expect(condition: unknown, problem: string, operation?: string): void;
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

/** Applies each override in turn; a failed precondition becomes a BuildError naming the override's file. */
export function applyOverrides(spec: JsonObject, overrides: readonly LoadedOverride[]): void {
  for (const override of overrides) {
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
        if (!isRecord(operation)) fail("the operation vanished", operationKey(method, path));
        return operation as JsonObject;
      },
      operations() {
        return Object.entries((spec.paths ?? {}) as Record<string, JsonObject>).flatMap(([path, item]) =>
          HTTP_METHODS.filter((method) => isRecord(item[method])).map((method) => ({
            method,
            path,
            operation: item[method] as JsonObject,
          })),
        );
      },
      expect(condition, problem, operation) {
        if (!condition) fail(problem, operation);
      },
    };
    override.apply(spec, tools);
  }
}
