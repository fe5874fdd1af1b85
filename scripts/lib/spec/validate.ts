import { BuildError } from "./errors.js";
import { isRecord, unescapePointerSegment, type JsonObject } from "../json.js";
import { HTTP_METHODS } from "../http-methods.js";
import { operationKey, type Origins } from "./merge.js";

/** Resolves a local JSON-pointer `$ref` ("#/a/b") against the document; undefined when it dangles. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (ref === "#") return document;
  if (!ref.startsWith("#/")) return undefined;
  let current = document;
  for (const raw of ref.slice(2).split("/")) {
    const segment = decodeURIComponent(unescapePointerSegment(raw));
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

/**
 * Every `$ref` must be local (a fragment is standalone, so is the merged spec) and resolve. The error names the
 * fragment holding the reference and, inside an operation, the operation.
 */
export function checkRefs(spec: JsonObject, origins: Origins, baseFile: string): void {
  const visit = (value: unknown, where: { file?: string; operation?: string }, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, where, `${at}/${index}`));
    else if (isRecord(value)) {
      if (typeof value.$ref === "string") {
        const ref = value.$ref;
        if (!ref.startsWith("#"))
          throw new BuildError(where, `external $ref "${ref}" at ${at}: fragments must be self-contained`);
        if (resolvePointer(spec, ref) === undefined)
          throw new BuildError(
            where,
            `dangling $ref "${ref}" at ${at}: no such definition in the merged spec`,
          );
      }
      for (const [key, child] of Object.entries(value)) visit(child, where, `${at}/${key}`);
    }
  };
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, JsonObject>))
    for (const [field, value] of Object.entries(item)) {
      const isMethod = (HTTP_METHODS as readonly string[]).includes(field);
      const operation = isMethod ? operationKey(field, path) : undefined;
      const file = operation
        ? origins.operations.get(operation)
        : origins.operations.get(
            [...origins.operations.keys()].find((key) => key.endsWith(` ${path}`)) ?? "",
          );
      visit(value, { file, operation }, `#/paths/${path}/${field}`);
    }
  for (const [type, entries] of Object.entries((spec.components ?? {}) as Record<string, JsonObject>))
    for (const [name, definition] of Object.entries(entries))
      visit(
        definition,
        { file: origins.components.get(`${type}/${name}`) ?? baseFile },
        `#/components/${type}/${name}`,
      );
  const { paths: _paths, components: _components, ...rest } = spec;
  visit(rest, { file: baseFile }, "#");
}

/**
 * Every `{name}` in a path template must be declared as an `in: path` parameter of the operation (or its path
 * item), and every declared path parameter must appear in the template: otherwise no client can build the URL.
 */
export function checkPathParameters(spec: JsonObject, origins: Origins): void {
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, JsonObject>)) {
    const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const where = {
        file: origins.operations.get(operationKey(method, path)),
        operation: operationKey(method, path),
      };
      const declared = new Set<string>();
      for (const parameter of [...asArray(item.parameters), ...asArray(operation.parameters)]) {
        const resolved =
          isRecord(parameter) && typeof parameter.$ref === "string"
            ? resolvePointer(spec, parameter.$ref)
            : parameter;
        if (isRecord(resolved) && resolved.in === "path" && typeof resolved.name === "string")
          declared.add(resolved.name);
      }
      for (const name of inTemplate)
        if (!declared.has(name))
          throw new BuildError(
            where,
            `path parameter {${name}} appears in the path but is not declared (in: path)`,
          );
      for (const name of declared)
        if (!inTemplate.includes(name))
          throw new BuildError(where, `path parameter "${name}" is declared but the path has no {${name}}`);
    }
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
