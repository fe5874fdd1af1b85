import { BuildError } from "./errors.js";
import {
  clone,
  firstDifference,
  isRecord,
  pointerSegment,
  unescapePointerSegment,
  type JsonObject,
} from "../json.js";
import { HTTP_METHODS } from "../http-methods.js";
import type { Fragment } from "./load.js";

/** Which file contributed each operation and component, so later checks can name it. */
export interface Origins {
  /** "METHOD /path" → fragment file. */
  operations: Map<string, string>;
  /** "schemas/Name" (component type / name) → the first fragment file that defined it. */
  components: Map<string, string>;
}

export interface MergeResult {
  spec: JsonObject;
  origins: Origins;
}

export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/**
 * Merges the fragments into the base document. The base supplies everything document-wide (info, servers,
 * security, tags); a fragment contributes its one operation (with its provenance moved onto it as `x-source`)
 * and its components. Fragment-level info/servers/security are dropped: they describe the page, not the API.
 * Paths are sorted and methods kept in HTTP_METHODS order, components sorted by name: the output depends only
 * on the inputs' content, never on file-system order.
 */
export function mergeFragments(base: JsonObject, fragments: readonly Fragment[]): MergeResult {
  const origins: Origins = { operations: new Map(), components: new Map() };
  const byOperationId = new Map<string, string>();
  const paths: Record<string, JsonObject> = {};
  const components: Record<string, JsonObject> = {};

  for (const fragment of fragments) {
    const key = operationKey(fragment.method, fragment.path);
    const clash = origins.operations.get(key);
    if (clash)
      throw new BuildError(
        { file: fragment.file, operation: key },
        `duplicate operation: ${key} is also defined by ${clash}`,
      );
    origins.operations.set(key, fragment.file);

    const operationId = fragment.operation.operationId;
    if (typeof operationId === "string") {
      const sameId = byOperationId.get(operationId);
      if (sameId)
        throw new BuildError(
          { file: fragment.file, operation: key },
          `duplicate operationId "${operationId}": also used by ${sameId}`,
        );
      byOperationId.set(operationId, `${fragment.file} (${key})`);
    }

    const item = (fragment.document.paths as Record<string, JsonObject>)[fragment.path]!;
    const target = (paths[fragment.path] ??= {});
    // Path-level fields (shared parameters, summary…) must agree between fragments of the same path.
    for (const [field, value] of Object.entries(item)) {
      if ((HTTP_METHODS as readonly string[]).includes(field)) continue;
      if (field in target) {
        const differs = firstDifference(target[field], value);
        if (differs !== undefined)
          throw new BuildError(
            { file: fragment.file, operation: key },
            `path-level "${field}" of ${fragment.path} differs from another fragment's at ${differs || "/"}`,
          );
      } else target[field] = clone(value);
    }
    target[fragment.method] = {
      ...clone(fragment.operation),
      "x-source": clone(fragment.document["x-source"]),
    };

    const fragmentComponents = fragment.document.components;
    if (fragmentComponents === undefined) continue;
    if (!isRecord(fragmentComponents))
      throw new BuildError({ file: fragment.file, operation: key }, "`components` is not a mapping");
    for (const [type, entries] of Object.entries(fragmentComponents)) {
      if (!isRecord(entries))
        throw new BuildError({ file: fragment.file, operation: key }, `components.${type} is not a mapping`);
      const merged = (components[type] ??= {});
      for (const [name, definition] of Object.entries(entries)) {
        const componentKey = `${type}/${name}`;
        const firstFile = origins.components.get(componentKey);
        if (firstFile === undefined) {
          origins.components.set(componentKey, fragment.file);
          merged[name] = clone(definition);
          continue;
        }
        const differs = firstDifference(merged[name], definition);
        if (differs !== undefined)
          throw new BuildError(
            { file: fragment.file, operation: key },
            `component ${componentKey} conflicts with the one in ${firstFile}: they first differ at ` +
              `#/components/${pointerSegment(type)}/${pointerSegment(name)}${differs}`,
          );
      }
    }
  }

  const spec = clone(base);
  spec.paths = sortKeys(paths, (item) => sortMethods(item));
  const baseComponents = isRecord(spec.components) ? spec.components : {};
  for (const [type, entries] of Object.entries(components)) {
    const existing = isRecord(baseComponents[type]) ? (baseComponents[type] as JsonObject) : {};
    for (const name of Object.keys(entries))
      if (name in existing)
        throw new BuildError(
          { file: origins.components.get(`${type}/${name}`) },
          `component ${type}/${name} is also defined by the base document`,
        );
    baseComponents[type] = sortKeys({ ...existing, ...entries });
  }
  spec.components = baseComponents;
  return { spec, origins };
}

function sortKeys<T>(object: Record<string, T>, map: (value: T) => T = (value) => value): Record<string, T> {
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, map(object[key]!)]),
  );
}

function sortMethods(item: JsonObject): JsonObject {
  const methods = HTTP_METHODS.filter((method) => method in item);
  const rest = Object.keys(item).filter((key) => !(HTTP_METHODS as readonly string[]).includes(key));
  return Object.fromEntries([...rest, ...methods].map((key) => [key, item[key]]));
}

/**
 * The inverse of the merge: one fragment per operation, holding the operation, the path-level fields, the
 * components it reaches (transitively) and its provenance back as the document's `x-source`. Document-wide
 * fields come from the merged spec (the base's), since the merge does not keep the fragments' own.
 */
export function splitSpec(spec: JsonObject): JsonObject[] {
  const fragments: JsonObject[] = [];
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, JsonObject>)) {
    const pathLevel = Object.fromEntries(
      Object.entries(item).filter(([key]) => !(HTTP_METHODS as readonly string[]).includes(key)),
    );
    for (const method of HTTP_METHODS) {
      if (!isRecord(item[method])) continue;
      const { "x-source": source, ...operation } = clone(item[method] as JsonObject);
      const pathItem = { ...clone(pathLevel), [method]: operation };
      const fragment: JsonObject = { openapi: spec.openapi, info: clone(spec.info) };
      if (source !== undefined) fragment["x-source"] = source;
      if (spec.servers !== undefined) fragment.servers = clone(spec.servers);
      fragment.paths = { [path]: pathItem };
      const reached = reachableComponents(spec, pathItem);
      if (Object.keys(reached).length) fragment.components = reached;
      fragments.push(fragment);
    }
  }
  return fragments;
}

/** Components reachable from `root` through local `$ref`s, grouped by component type. */
export function reachableComponents(spec: JsonObject, root: unknown): Record<string, JsonObject> {
  const reached: Record<string, JsonObject> = {};
  const pending: unknown[] = [root];
  while (pending.length) {
    const value = pending.pop();
    if (Array.isArray(value)) pending.push(...value);
    else if (isRecord(value)) {
      const ref = value.$ref;
      if (typeof ref === "string" && ref.startsWith("#/components/")) {
        const [type, name] = ref.slice("#/components/".length).split("/").map(unescapePointerSegment);
        const definition = (spec.components as Record<string, JsonObject> | undefined)?.[type!]?.[name!];
        if (definition !== undefined && !(reached[type!] && name! in reached[type!]!)) {
          (reached[type!] ??= {})[name!] = clone(definition);
          pending.push(definition);
        }
      }
      pending.push(...Object.values(value));
    }
  }
  return reached;
}
