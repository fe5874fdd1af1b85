import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/**
 * The content-hash cache that lets an unchanged rebuild skip every step. Deliberately light (node: built-ins
 * only): it runs before anything heavy is imported, so a cache hit costs little more than reading the inputs.
 */

/** Packages whose version changes the outputs (a new openapi-typescript may type things differently…). */
const TOOL_PACKAGES = ["openapi-typescript", "typescript", "prettier", "@redocly/openapi-core", "yaml"];

export interface CacheRecord {
  key: string;
  /** Output path relative to the root → sha256 of the content written. */
  outputs: Record<string, string>;
  /** The warnings of the build that wrote the outputs: a cache hit repeats them (the docs still have the defect). */
  warnings?: string[];
}

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Files (not directories) under `dir`, recursively, sorted; [] when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * The cache key: a hash of every input file's path and bytes (fragments, base, overrides, lint and format
 * configs, the build's own code, extra inputs declared by steps) and of the tool versions.
 */
export async function computeCacheKey(options: {
  rootDir: string;
  inputDirs: string[];
  inputFiles: string[];
  stepNames: string[];
}): Promise<string> {
  const hash = createHash("sha256");
  const files = [
    ...new Set([...(await Promise.all(options.inputDirs.map(filesUnder))).flat(), ...options.inputFiles]),
  ];
  const contents = await Promise.all(files.map((file) => readFile(file).catch(() => "<absent>")));
  files.forEach((file, index) => {
    hash
      .update(`${relative(options.rootDir, file)}\0`)
      .update(contents[index]!)
      .update("\0");
  });
  for (const name of TOOL_PACKAGES) {
    const manifest = await readFile(
      join(options.rootDir, "node_modules", name, "package.json"),
      "utf8",
    ).catch(() => "{}");
    hash.update(`${name}@${(JSON.parse(manifest) as { version?: string }).version ?? "?"}\0`);
  }
  hash.update(`steps:${options.stepNames.join(",")}`);
  return hash.digest("hex");
}

export async function readCacheRecord(path: string): Promise<CacheRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, "utf8")) as CacheRecord;
    return typeof record.key === "string" && typeof record.outputs === "object" ? record : undefined;
  } catch {
    return undefined;
  }
}

/** True when every recorded output is on disk with the recorded content (nobody edited or deleted one). */
export async function outputsMatch(rootDir: string, record: CacheRecord): Promise<boolean> {
  const entries = Object.entries(record.outputs);
  if (entries.length === 0) return false;
  const hashes = await Promise.all(
    entries.map(([file]) => readFile(join(rootDir, file)).then(sha256, () => undefined)),
  );
  return entries.every(([, expected], index) => hashes[index] === expected);
}
