import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFilesAtomically } from "../fs-atomic.js";
import { computeCacheKey, outputsMatch, readCacheRecord, sha256, type CacheRecord } from "./cache.js";

/** Files whose presence and content prove a previous dist/ build is still there. */
const DIST_OUTPUTS = ["dist/esm/index.js", "dist/esm/index.d.ts", "dist/cjs/index.js", "dist/openapi.json"];

/**
 * The last step of `npm run build`: the publishable dist/ (ESM, CJS, declarations, openapi.json), rebuilt only
 * when src/ (generated files included), the package manifest or the bundler script changed, or dist/ was
 * touched. dist/ is not committed, so `--check` never runs this. A spec-only project (no src/index.ts, as in the
 * pipeline's own tests and benchmark) has no client to bundle. Returns whether it built.
 */
export async function buildDistIfStale(rootDir: string): Promise<boolean> {
  const hasClient = await access(join(rootDir, "src", "index.ts")).then(
    () => true,
    () => false,
  );
  if (!hasClient) return false;
  const cacheFile = join(rootDir, ".cache", "dist.json");
  const key = await computeCacheKey({
    rootDir,
    inputDirs: [join(rootDir, "src")],
    inputFiles: ["package.json", "tsconfig.json", "scripts/lib/dist.ts"].map((file) => join(rootDir, file)),
    stepNames: ["dist"],
  });
  const record = await readCacheRecord(cacheFile);
  if (record?.key === key && (await outputsMatch(rootDir, record))) return false;

  const { buildDist } = await import("../dist.js");
  await buildDist({ root: rootDir });
  const hashes = await Promise.all(DIST_OUTPUTS.map((file) => readFile(join(rootDir, file)).then(sha256)));
  const fresh: CacheRecord = {
    key,
    outputs: Object.fromEntries(DIST_OUTPUTS.map((file, index) => [file, hashes[index]!])),
  };
  await writeFilesAtomically(new Map([[cacheFile, `${JSON.stringify(fresh, null, 2)}\n`]]));
  return true;
}
