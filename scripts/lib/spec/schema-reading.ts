/**
 * Reading JSON schemas as the helper surface needs them: `$ref`s followed, the `null` of a nullable schema set
 * aside, and the shape of an object (what it accepts, documentation left out).
 */
import { isRecord, type JsonObject } from "../json.js";
import { resolvePointer } from "./validate.js";

/** A schema with its `$ref`s followed. */
export type Resolve = (schema: unknown) => unknown;

export function resolveSchema(spec: JsonObject, schema: unknown): unknown {
  for (let depth = 0; isRecord(schema) && typeof schema.$ref === "string" && depth < 32; depth++)
    schema = resolvePointer(spec, schema.$ref);
  return schema;
}

export function jsonSchemaOf(content: unknown): unknown {
  return isRecord(content) && isRecord(content["application/json"])
    ? content["application/json"].schema
    : undefined;
}

/** The JSON schema of the first 2xx answer with a JSON body (200, 201, 202, …). */
export function successSchema(responses: unknown, resolve: Resolve): unknown {
  if (!isRecord(responses)) return undefined;
  for (const status of Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()) {
    const response = resolve(responses[status]);
    if (isRecord(response)) {
      const schema = jsonSchemaOf(response.content);
      if (schema !== undefined) return schema;
    }
  }
  return undefined;
}

/** The schema without its `null` alternative (anyOf/oneOf [X, null]), resolved. */
export function nonNull(resolve: Resolve, schema: unknown): unknown {
  return resolve(nonNullRaw(resolve, schema));
}

function nonNullRaw(resolve: Resolve, schema: unknown): unknown {
  const resolved = resolve(schema);
  if (!isRecord(resolved)) return schema;
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (!Array.isArray(variants)) return schema;
  const rest = variants.filter((variant) => !(isRecord(variant) && variant.type === "null"));
  return rest.length === 1 ? rest[0] : schema;
}

export function isNullable(resolve: Resolve, schema: unknown): boolean {
  return nonNullRaw(resolve, schema) !== schema;
}

export function objectProperties(resolve: Resolve, schema: unknown): Record<string, unknown> | undefined {
  const resolved = nonNull(resolve, schema);
  return isRecord(resolved) && isRecord(resolved.properties) ? resolved.properties : undefined;
}

export function isArraySchema(resolve: Resolve, schema: unknown): boolean {
  const resolved = nonNull(resolve, schema);
  return isRecord(resolved) && resolved.type === "array";
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function arrayItems(resolve: Resolve, schema: unknown): unknown {
  const array = nonNull(resolve, schema);
  return isRecord(array) && array.type === "array" ? nonNull(resolve, array.items) : undefined;
}

/** Keys that document a schema without changing what it accepts. */
const DOC_KEYS = new Set(["title", "description", "example", "examples", "$comment", "deprecated"]);

/**
 * What an object schema accepts, as a string: `$ref`s resolved, documentation left out. Two places typed alike
 * get the same name whatever their components are called, so a schema renamed upstream keeps its type's name.
 * Only objects count: a name for "a string" would name every string.
 */
export function shapeKey(resolve: Resolve, schema: unknown): string | undefined {
  const seen = new Set<unknown>();
  const strip = (node: unknown): unknown => {
    const resolved = resolve(node);
    if (Array.isArray(resolved)) return resolved.map(strip);
    if (!isRecord(resolved)) return resolved;
    if (seen.has(resolved)) return "<cycle>";
    seen.add(resolved);
    const entries = Object.entries(resolved)
      .filter(([key]) => !DOC_KEYS.has(key))
      .map(([key, value]) => [
        key,
        key === "properties" && isRecord(value) ? mapValues(value, strip) : strip(value),
      ]);
    seen.delete(resolved);
    return Object.fromEntries(entries.sort(([a], [b]) => String(a).localeCompare(String(b))));
  };
  const resolved = resolve(schema);
  if (!isRecord(resolved) || !(resolved.type === "object" || isRecord(resolved.properties))) return undefined;
  return JSON.stringify(strip(resolved));
}

const mapValues = (record: Record<string, unknown>, map: (value: unknown) => unknown) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
