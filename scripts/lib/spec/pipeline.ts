import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFilesAtomically } from "../fs-atomic.js";
import { computeCacheKey, outputsMatch, readCacheRecord, sha256, type CacheRecord } from "./cache.js";
import { BuildError } from "./errors.js";
import { displayPath, isRecord, type JsonObject } from "../json.js";
import type { Fragment } from "./load.js";
import type { Origins } from "./merge.js";
import type { LoadedOverride } from "./overrides.js";
import type { SurfaceReport } from "./render-helpers.js";
import type { Surface } from "./surface.js";
import { stageDist } from "./dist-step.js";
import { renderSchemaTs, warmUpRenderThread } from "./render-thread.js";

/** Where a build reads and writes. Every path is absolute. */
export interface BuildPaths {
  rootDir: string;
  /** `openapi/`: base.yaml and one directory of fragments per section. */
  openapiDir: string;
  /** `openapi/overrides/` */
  overridesDir: string;
  /** `redocly.yaml` (the lint rules) */
  redoclyConfig: string;
  /** `src/generated/` */
  generatedDir: string;
}

/** What steps share. A step reads what earlier steps left and adds its own results. */
export interface BuildContext {
  paths: BuildPaths;
  base?: JsonObject;
  fragments?: Fragment[];
  overrides?: LoadedOverride[];
  spec?: JsonObject;
  origins?: Origins;
  /** The helper surface (from the spec and openapi/helpers.yaml) and its committed form. */
  surface?: Surface;
  surfaceReport?: SurfaceReport;
  /** The helper surface as committed before this build, if there was one. */
  previousSurfaceReport?: SurfaceReport;
  /** Non-fatal findings, printed by the CLI even with --quiet. */
  warnings: string[];
  /** Progress and reports meant for the person running the build (silenced by --quiet). */
  log: (line: string) => void;
  /**
   * Files to write, absolute path → content. Steps only add to this map; nothing reaches the disk before
   * every step has passed, and then all files are replaced atomically (or, with --check, compared).
   */
  outputs: Map<string, string>;
}

/**
 * One step of `npm run build`.
 *
 * To add a step (spec diff → CHANGELOG, README coverage table, dist/ bundle…): write a `BuildStep` whose `run`
 * reads `context.spec` (and whatever else it needs) and puts the files it produces into `context.outputs`,
 * then insert it into `buildSteps` below (or pass your own list to `runBuild({ steps })`). List in `inputs` any
 * file it reads besides the spec (relative to the root) so a change to it invalidates the cache. Import heavy
 * modules inside `run` (`await import(...)`) so that an unchanged rebuild, which skips every step, stays fast;
 * if loading them is slow, start it in `warmUp`. Throw a `BuildError` naming the file and operation for bad input.
 */
export interface BuildStep {
  name: string;
  /** Extra input files (relative to the root), folded into the cache key. */
  inputs?: string[];
  /**
   * Called for every step once the cache has missed, before the first step runs: start loading slow tools in
   * the background (e.g. in a worker thread) so that the loading overlaps with the steps before this one. Must
   * not throw, and must not keep the process alive by itself (the build may fail before this step runs).
   */
  warmUp?(): void;
  run(context: BuildContext): Promise<void> | void;
}

export interface StepTiming {
  name: string;
  ms: number;
}

/** Runs the steps in order, timing each; the first failure stops the run (and nothing has been written). */
export async function runSteps(
  steps: readonly BuildStep[],
  context: BuildContext,
  onStep: (timing: StepTiming) => void = () => {},
): Promise<StepTiming[]> {
  const timings: StepTiming[] = [];
  for (const step of steps) {
    const started = performance.now();
    await step.run(context);
    const timing = { name: step.name, ms: performance.now() - started };
    timings.push(timing);
    onStep(timing);
  }
  return timings;
}

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`build step order: ${what} is not available yet`);
  return value;
}

export const display = (context: BuildContext, path: string) => displayPath(path, context.paths.rootDir);

/** Steps that produce the corrected, validated spec (what `buildSpec` runs). */
export const specSteps: BuildStep[] = [
  {
    name: "load",
    async run(context) {
      const [{ loadFragments, readYamlFile }, { loadOverrides }] = await Promise.all([
        import("./load.js"),
        import("./overrides.js"),
      ]);
      const { openapiDir, overridesDir, rootDir } = context.paths;
      const baseFile = join(openapiDir, "base.yaml");
      const base = await readYamlFile(baseFile, display(context, baseFile));
      if (!isRecord(base) || !isRecord(base.info) || !Array.isArray(base.tags))
        throw new BuildError(
          { file: display(context, baseFile) },
          "the base document needs `info` and `tags`",
        );
      context.base = base;
      [context.fragments, context.overrides] = await Promise.all([
        loadFragments(openapiDir, rootDir),
        loadOverrides(overridesDir, display(context, overridesDir)),
      ]);
      if (context.fragments.length === 0)
        throw new BuildError(
          { file: display(context, openapiDir) },
          "no fragment (openapi/<section>/<slug>.yaml) found",
        );
    },
  },
  {
    name: "merge + overrides",
    async run(context) {
      const [{ mergeFragments }, { applyOverrides }] = await Promise.all([
        import("./merge.js"),
        import("./overrides.js"),
      ]);
      const { spec, origins } = mergeFragments(
        need(context.base, "base"),
        need(context.fragments, "fragments"),
      );
      context.warnings.push(...applyOverrides(spec, need(context.overrides, "overrides")));
      context.spec = spec;
      context.origins = origins;
    },
  },
  {
    name: "validate",
    async run(context) {
      const [{ checkPathParameters, checkRefs }, { reachableComponents }] = await Promise.all([
        import("./validate.js"),
        import("./merge.js"),
      ]);
      const spec = need(context.spec, "spec");
      const origins = need(context.origins, "origins");
      checkRefs(spec, origins, display(context, join(context.paths.openapiDir, "base.yaml")));
      checkPathParameters(spec, origins);
      const reached = reachableComponents(spec, spec.paths);
      for (const [type, entries] of Object.entries((spec.components ?? {}) as Record<string, JsonObject>))
        for (const name of Object.keys(entries))
          if (type !== "securitySchemes" && !reached[type]?.[name])
            context.warnings.push(
              `${origins.components.get(`${type}/${name}`) ?? "base"}: component ${type}/${name} is used by no operation`,
            );
    },
  },
];

/** Every step of `npm run build`, in order. */
export const buildSteps: BuildStep[] = [
  ...specSteps,
  {
    name: "lint (redocly)",
    async run(context) {
      const { dropInvalidExamples, lintSpec, lintFailure } = await import("./lint.js");
      const spec = need(context.spec, "spec");
      const origins = need(context.origins, "origins");
      const specFile = "src/generated/openapi.json";
      let problems = await lintSpec(spec, context.paths.redoclyConfig);
      // A stale example is dropped with a warning; linting again shows that nothing else was wrong.
      const defects = dropInvalidExamples(spec, problems, origins, specFile);
      if (defects.length) {
        context.warnings.push(...defects);
        problems = await lintSpec(spec, context.paths.redoclyConfig);
      }
      if (problems.length) throw lintFailure(problems, origins, specFile);
    },
  },
  {
    name: "openapi.json",
    async run(context) {
      const { renderOpenApiJson } = await import("./generate.js");
      const file = join(context.paths.generatedDir, "openapi.json");
      context.outputs.set(file, renderOpenApiJson(need(context.spec, "spec")));
    },
  },
  {
    // Rendered in a worker thread that started loading openapi-typescript and prettier when the build began.
    name: "schema.ts (openapi-typescript)",
    warmUp: warmUpRenderThread,
    async run(context) {
      const file = join(context.paths.generatedDir, "schema.ts");
      const spec = need(context.spec, "spec");
      try {
        context.outputs.set(file, await renderSchemaTs(spec, file));
      } catch (error) {
        throw new BuildError(
          { file: display(context, file) },
          `openapi-typescript and prettier could not render the merged spec: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  },
  {
    name: "operations.ts",
    warmUp: warmUpRenderThread, // prettier runs there too
    async run(context) {
      const { renderOperationsTs } = await import("./generate.js");
      const file = join(context.paths.generatedDir, "operations.ts");
      const spec = need(context.spec, "spec");
      context.outputs.set(file, await renderOperationsTs(spec, need(context.origins, "origins"), file));
    },
  },
  {
    name: "helpers.ts + surface.json",
    warmUp: warmUpRenderThread, // prettier runs there
    async run(context) {
      const { generateHelpers } = await import("./helpers-step.js");
      await generateHelpers(context);
    },
  },
  {
    // Runs after every generation step so that a build that failed never records a change.
    name: "spec diff → CHANGELOG.md",
    inputs: ["CHANGELOG.md"],
    async run(context) {
      const { diffSpecs, diffSurfaces, withSurfaceChanges, changelogWithReport, renderMarkdown } =
        await import("../diff/index.js");
      const { rootDir, generatedDir } = context.paths;
      const previousText = await readFile(join(generatedDir, "openapi.json"), "utf8").catch(() => undefined);
      if (previousText === undefined) return; // a first build has nothing to compare with
      const previousSurface = context.previousSurfaceReport;
      const report = withSurfaceChanges(
        diffSpecs(JSON.parse(previousText), need(context.spec, "spec")),
        previousSurface ? diffSurfaces(previousSurface, need(context.surfaceReport, "surface report")) : [],
      );
      if (report.changes.length === 0 && !report.helpers?.length) return;
      for (const line of renderMarkdown(report).trimEnd().split("\n")) context.log(line);
      const changelog = join(rootDir, "CHANGELOG.md");
      const updated = changelogWithReport(await readFile(changelog, "utf8").catch(() => undefined), report);
      if (updated !== undefined) context.outputs.set(changelog, updated);
    },
  },
  {
    name: "README coverage table",
    inputs: ["README.md"],
    async run(context) {
      const { renderReadmeCoverage } = await import("./readme.js");
      const readme = join(context.paths.rootDir, "README.md");
      const current = await readFile(readme, "utf8").catch(() => undefined);
      if (current === undefined) return; // a project without a README (tests, benches) has no table to keep
      const spec = need(context.spec, "spec");
      const surface = need(context.surface, "surface");
      context.outputs.set(readme, renderReadmeCoverage(current, spec, surface, display(context, readme)));
    },
  },
];

export function defaultPaths(rootDir: string, overrides: Partial<BuildPaths> = {}): BuildPaths {
  const root = resolve(rootDir);
  const openapiDir = overrides.openapiDir ?? join(root, "openapi");
  return {
    rootDir: root,
    openapiDir,
    overridesDir: overrides.overridesDir ?? join(openapiDir, "overrides"),
    redoclyConfig: overrides.redoclyConfig ?? join(root, "redocly.yaml"),
    generatedDir: overrides.generatedDir ?? join(root, "src", "generated"),
  };
}

/**
 * Loads the base document and the fragments, merges them, applies the overrides and validates the result
 * ($refs, path parameters). Pure: reads files, writes nothing. Throws a BuildError for bad input.
 */
export async function buildSpec(options: {
  openapiDir: string;
  overridesDir?: string;
}): Promise<{ spec: JsonObject; warnings: string[] }> {
  const openapiDir = resolve(options.openapiDir);
  const paths = defaultPaths(dirname(openapiDir), { openapiDir, overridesDir: options.overridesDir });
  const context: BuildContext = { paths, warnings: [], outputs: new Map(), log: () => {} };
  await runSteps(specSteps, context);
  return { spec: need(context.spec, "spec"), warnings: context.warnings };
}

export interface RunBuildOptions {
  rootDir: string;
  paths?: Partial<BuildPaths>;
  /** Compare instead of write: report the generated files that differ from what the inputs produce. */
  check?: boolean;
  steps?: readonly BuildStep[];
  /** Use the content-hash cache (default true). */
  cache?: boolean;
  /** Called after each step (the CLI prints timings unless --quiet). */
  onStep?: (timing: StepTiming) => void;
  /** Receives what steps report (e.g. the spec change report); default: nowhere. */
  log?: (line: string) => void;
  /** Build dist/ with the outputs (default true; a project without src/index.ts has none). */
  dist?: boolean;
}

export interface RunBuildResult {
  /** True when the inputs hashed as before and the outputs were intact: no step ran. */
  cached: boolean;
  /** Generated files written (relative to the root); [] with --check or on a cache hit. */
  written: string[];
  /** With --check: generated files that are missing or differ from what the inputs produce. */
  stale: string[];
  warnings: string[];
  timings: StepTiming[];
}

const BUILD_CODE_DIR = dirname(fileURLToPath(import.meta.url));

/** `npm run build`: runs the steps, then writes every output atomically (or, with `check`, compares). */
export async function runBuild(options: RunBuildOptions): Promise<RunBuildResult> {
  const paths = defaultPaths(options.rootDir, options.paths);
  const steps = options.steps ?? buildSteps;
  const useCache = options.cache ?? true;
  const cacheFile = join(paths.rootDir, ".cache", "build.json");

  const cacheKey = () =>
    computeCacheKey({
      rootDir: paths.rootDir,
      // src/ too: the hand-written helpers are checked against the spec (and outputs land in src/generated).
      inputDirs: [paths.openapiDir, paths.overridesDir, BUILD_CODE_DIR, join(paths.rootDir, "src")],
      inputFiles: [
        paths.redoclyConfig,
        join(paths.rootDir, ".prettierrc.json"),
        join(BUILD_CODE_DIR, "..", "fs-atomic.ts"),
        join(BUILD_CODE_DIR, "..", "json.ts"),
        ...steps.flatMap((step) => step.inputs ?? []).map((file) => join(paths.rootDir, file)),
      ],
      stepNames: steps.map((step) => step.name),
    });
  const key = await cacheKey();
  if (useCache) {
    const record = await readCacheRecord(cacheFile);
    if (record?.key === key && (await outputsMatch(paths.rootDir, record)))
      return { cached: true, written: [], stale: [], warnings: record.warnings ?? [], timings: [] };
  }

  for (const step of steps) step.warmUp?.();
  const context: BuildContext = { paths, warnings: [], outputs: new Map(), log: options.log ?? (() => {}) };
  const timings = await runSteps(steps, context, options.onStep);

  const relativeOutputs = [...context.outputs].map(([file, content]) => ({
    file,
    name: displayPath(file, paths.rootDir),
    content,
  }));
  const current = await Promise.all(
    relativeOutputs.map(({ file }) => readFile(file, "utf8").catch(() => undefined)),
  );
  const changed = relativeOutputs.filter(({ content }, index) => current[index] !== content);
  const record: CacheRecord = {
    key,
    outputs: Object.fromEntries(relativeOutputs.map(({ name, content }) => [name, sha256(content)])),
    warnings: context.warnings,
  };

  if (options.check) {
    // Only an up-to-date tree is worth remembering: the next check (or build) can then skip every step.
    if (changed.length === 0 && useCache) await saveRecord(cacheFile, record);
    return {
      cached: false,
      written: [],
      stale: changed.map(({ name }) => name),
      warnings: context.warnings,
      timings,
    };
  }
  // When src/ changes, dist/ is built first from src/ as it will be: a build whose code does not compile
  // writes nothing.
  const srcDir = join(paths.rootDir, "src");
  const touchesSrc = changed.some(({ file }) => file.startsWith(srcDir));
  const staged =
    touchesSrc && options.dist !== false ? await stageDist(paths.rootDir, context.outputs) : undefined;
  // Unchanged files are left alone (their mtime too); the rest are replaced all together or not at all.
  try {
    await writeFilesAtomically(new Map(changed.map(({ file, content }) => [file, content])));
  } catch (error) {
    await staged?.discard();
    throw error;
  }
  await staged?.commit();
  // Some outputs are inputs too (README.md, CHANGELOG.md): key the record by the inputs as they are now, so the
  // next unchanged rebuild is a cache hit.
  if (changed.length) record.key = await cacheKey();
  if (useCache) await saveRecord(cacheFile, record);
  return {
    cached: false,
    written: changed.map(({ name }) => name),
    stale: [],
    warnings: context.warnings,
    timings,
  };
}

async function saveRecord(cacheFile: string, record: CacheRecord): Promise<void> {
  await writeFilesAtomically(new Map([[cacheFile, `${JSON.stringify(record, null, 2)}\n`]]));
}
