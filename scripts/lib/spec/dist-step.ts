import { randomBytes } from "node:crypto";
import { access, cp, readFile, rm } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { writeFilesAtomically } from "../fs-atomic.js";
import { computeCacheKey, outputsMatch, readCacheRecord, sha256, type CacheRecord } from "./cache.js";
import { BuildError } from "./errors.js";

/** Files whose presence and content prove a previous dist/ build is still there. */
const DIST_OUTPUTS = [
  "dist/esm/index.js",
  "dist/esm/index.d.ts",
  "dist/cjs/index.js",
  "dist/openapi.json",
  "dist/cli/index.js",
  "dist/esm/redis/index.js",
  "dist/esm/redis/index.d.ts",
  "dist/cjs/redis/index.js",
];

const hasClient = (rootDir: string) =>
  access(join(rootDir, "src", "index.ts")).then(
    () => true,
    () => false,
  );

const distKey = (rootDir: string) =>
  computeCacheKey({
    rootDir,
    inputDirs: [join(rootDir, "src")],
    inputFiles: ["package.json", "tsconfig.json", "scripts/lib/dist.ts"].map((file) => join(rootDir, file)),
    stepNames: ["dist"],
  });

/**
 * The publishable dist/ (ESM, CJS, declarations, openapi.json), rebuilt only when src/ (generated files
 * included), the package manifest or the bundler script changed, or dist/ was touched. dist/ is not committed,
 * so `--check` never runs this. A spec-only project (no src/index.ts, as in the pipeline's own tests and
 * benchmark) has no client to bundle. Returns whether it built.
 */
export async function buildDistIfStale(rootDir: string): Promise<boolean> {
  if (!(await hasClient(rootDir))) return false;
  const record = await readCacheRecord(join(rootDir, ".cache", "dist.json"));
  if (record?.key === (await distKey(rootDir)) && (await outputsMatch(rootDir, record))) return false;
  const { buildDist } = await import("../dist.js");
  await buildDist({ root: rootDir }).catch((error: unknown) => {
    throw distFailure(error, rootDir);
  });
  await recordDist(rootDir);
  return true;
}

/** A dist/ built from src/ as it will be once the build's outputs are written, waiting to be swapped in. */
export interface StagedDist {
  /** Swaps the staged dist/ in (after the outputs were written) and records it as fresh. */
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Type-checks and bundles a copy of src/ with the new generated files laid over it, in a staging directory
 * under .cache/ (node_modules resolves from the project root above it). So a build whose generated code, or the
 * hand-written code against it, does not compile fails before anything is written, naming the file.
 */
export async function stageDist(
  rootDir: string,
  outputs: Map<string, string>,
): Promise<StagedDist | undefined> {
  if (!(await hasClient(rootDir))) return undefined;
  const staging = join(rootDir, ".cache", `dist-stage-${process.pid}-${randomBytes(4).toString("hex")}`);
  const discard = () => rm(staging, { recursive: true, force: true });
  try {
    await cp(join(rootDir, "src"), join(staging, "src"), { recursive: true });
    for (const file of ["package.json", "tsconfig.json"]) await cp(join(rootDir, file), join(staging, file));
    const srcDir = join(rootDir, "src") + sep;
    const overlay = new Map(
      [...outputs]
        .filter(([file]) => file.startsWith(srcDir))
        .map(([file, content]) => [join(staging, relative(rootDir, file)), content]),
    );
    await writeFilesAtomically(overlay);
    const { buildDist } = await import("../dist.js");
    await buildDist({ root: staging }).catch((error: unknown) => {
      throw distFailure(error, staging);
    });
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    async commit() {
      const { swapIn } = await import("../dist.js");
      await swapIn(join(staging, "dist"), join(rootDir, "dist"));
      await discard();
      await recordDist(rootDir);
    },
    discard,
  };
}

async function recordDist(rootDir: string): Promise<void> {
  const hashes = await Promise.all(DIST_OUTPUTS.map((file) => readFile(join(rootDir, file)).then(sha256)));
  const fresh: CacheRecord = {
    key: await distKey(rootDir),
    outputs: Object.fromEntries(DIST_OUTPUTS.map((file, index) => [file, hashes[index]!])),
  };
  await writeFilesAtomically(
    new Map([[join(rootDir, ".cache", "dist.json"), `${JSON.stringify(fresh, null, 2)}\n`]]),
  );
}

/** The bundler's or tsc's failure as a BuildError naming the first file at fault, paths as in the project. */
function distFailure(error: unknown, root: string): BuildError {
  const message = (error as Error).message
    .replaceAll(relative(process.cwd(), root) + sep, "")
    .replaceAll(root + sep, "")
    .replace(/^buildDist: /, "");
  const file = /^(src\/[^(:\s]+)/m.exec(message.split("\n").slice(1).join("\n"))?.[1];
  return new BuildError({ file }, `dist/ cannot be built: ${message}`, { cause: error });
}
