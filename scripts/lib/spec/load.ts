import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { BuildError } from "./errors.js";
import { displayPath, isRecord, type JsonObject } from "../json.js";
import { HTTP_METHODS } from "../http-methods.js";
// The folders of openapi/ that hold no fragments (overrides, the pages docs:import read), as the import reserves them.
import { RESERVED_FOLDERS } from "../import/fragment-folders.js";

/** Inputs larger than this are refused before parsing: no legitimate fragment comes close (the largest is ~10 kB). */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** YAML aliases are legal but a handful of them can expand exponentially ("billion laughs"); none is needed. */
const MAX_ALIAS_COUNT = 50;

/** One imported operation: `openapi/<section>/<slug>.yaml`. */
export interface Fragment {
  /** Path relative to the project root, "/"-separated (used in every error message). */
  file: string;
  document: JsonObject;
  method: string;
  path: string;
  operation: JsonObject;
}

/** Reads and parses a YAML (or JSON) input, refusing oversized files, alias bombs and duplicate keys. */
export async function readYamlFile(absolutePath: string, shownPath: string): Promise<unknown> {
  const size = (await stat(absolutePath)).size;
  if (size > MAX_INPUT_BYTES)
    throw new BuildError(
      { file: shownPath },
      `file is ${size} bytes, over the ${MAX_INPUT_BYTES}-byte limit`,
    );
  return parseYaml(await readFile(absolutePath, "utf8"), shownPath);
}

export function parseYaml(text: string, shownPath: string): unknown {
  try {
    return parse(text, { maxAliasCount: MAX_ALIAS_COUNT, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new BuildError({ file: shownPath }, `malformed YAML: ${reason}`, { cause: error });
  }
}

/** Every fragment file under openapiDir, sorted (the merge order, hence the output, is deterministic). */
export async function listFragmentFiles(openapiDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(openapiDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || RESERVED_FOLDERS.includes(entry.name)) continue;
    for (const file of await readdir(join(openapiDir, entry.name), { withFileTypes: true }))
      if (file.isFile() && file.name.endsWith(".yaml")) files.push(join(openapiDir, entry.name, file.name));
  }
  return files.sort();
}

/** Loads the fragments; `rootDir` only shortens the paths shown in errors. */
export async function loadFragments(openapiDir: string, rootDir: string): Promise<Fragment[]> {
  const files = await listFragmentFiles(openapiDir);
  return Promise.all(
    files.map(async (absolute) => {
      const file = displayPath(absolute, rootDir);
      return readFragment(await readYamlFile(absolute, file), file);
    }),
  );
}

/** Checks a parsed fragment has the contract's shape: OpenAPI 3.1, exactly one operation, provenance. */
export function readFragment(document: unknown, file: string): Fragment {
  if (!isRecord(document))
    throw new BuildError({ file }, "a fragment must be a YAML mapping (an OpenAPI document)");
  if (typeof document.openapi !== "string" || !document.openapi.startsWith("3.1."))
    throw new BuildError({ file }, `expected "openapi: 3.1.x", found ${JSON.stringify(document.openapi)}`);
  if (!isRecord(document.paths)) throw new BuildError({ file }, "the fragment has no `paths` mapping");
  const found: Array<{ method: string; path: string; operation: JsonObject }> = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isRecord(item)) throw new BuildError({ file }, `paths["${path}"] is not a mapping`);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      if (!isRecord(operation))
        throw new BuildError(
          { file, operation: `${method.toUpperCase()} ${path}` },
          "the operation is not a mapping",
        );
      found.push({ method, path, operation });
    }
  }
  if (found.length !== 1)
    throw new BuildError(
      { file },
      `a fragment holds exactly one operation, this one holds ${found.length}` +
        (found.length ? `: ${found.map((op) => `${op.method.toUpperCase()} ${op.path}`).join(", ")}` : ""),
    );
  const [{ method, path, operation }] = found as [(typeof found)[0]];
  const source = document["x-source"];
  if (!isRecord(source) || typeof source.url !== "string" || typeof source.sha256 !== "string")
    throw new BuildError(
      { file, operation: `${method.toUpperCase()} ${path}` },
      "the fragment lacks `x-source: { url, sha256 }` (its provenance)",
    );
  return { file, document, method, path, operation };
}
