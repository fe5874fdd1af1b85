import type { OpenApiDocument } from "./types.js";

/**
 * One schema reduced to what a diff compares, whatever way the spec spelled it: `$ref`s followed, `allOf`
 * intersected (Mintlify wraps every property in a one-member `allOf`), and nullability read from any of
 * OpenAPI 3.1's `type: [x, "null"]`, `anyOf/oneOf: [x, {type: "null"}]`, a `null` enum value, or 3.0's
 * `nullable: true`. Properties, items and variants stay raw: the comparison views them lazily, which is
 * what lets it walk recursive schemas without unrolling them.
 */
export interface SchemaView {
  /** The last component the schema was reached through (`#/components/schemas/<ref>`), if any. */
  ref?: string;
  /** No type constraint at all (`{}`, a title only): every JSON value, null included. */
  any: boolean;
  /** JSON types other than "null" (meaningless when `any`). */
  types: Set<string>;
  nullable: boolean;
  format?: string;
  /** JSON-encoded allowed values, null excluded; undefined when not an enum. */
  enumValues?: string[];
  properties: Map<string, unknown>;
  required: Set<string>;
  items?: unknown;
  /** The schema of a map's values, when `additionalProperties` is a schema. */
  additionalProperties?: unknown;
  /** Two or more non-null `anyOf`/`oneOf` members (a real union, not just "x or null"). */
  variants?: unknown[];
  deprecated: boolean;
  /** JSON-encoded `default`. */
  defaultValue?: string;
  docs: { title?: string; description?: string; example?: string };
}

/** A `$ref` chain or `allOf` nesting deeper than this is a defect in the spec, not a schema. */
const MAX_NESTING = 64;

export class SchemaResolutionError extends Error {
  override name = "SchemaResolutionError";
}

/** Reads a local JSON pointer (`#/components/schemas/Name`) in the document; undefined when it leads nowhere. */
export function resolvePointer(document: OpenApiDocument, pointer: string): unknown {
  if (!pointer.startsWith("#")) return undefined;
  let node: unknown = document;
  for (const token of pointer.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Follows `$ref`s (keeping sibling keywords, which 3.1 allows to override the target's annotations). */
export function dereference(value: unknown, document: OpenApiDocument): { node: unknown; ref?: string } {
  let node = value;
  let ref: string | undefined;
  for (let hops = 0; isObject(node) && typeof node.$ref === "string"; hops++) {
    if (hops === MAX_NESTING)
      throw new SchemaResolutionError(`$ref chain through "${node.$ref}" does not end`);
    const { $ref, ...siblings } = node as { $ref: string } & Record<string, unknown>;
    const target = resolvePointer(document, $ref);
    if (target === undefined) throw new SchemaResolutionError(`$ref "${$ref}" does not resolve in the spec`);
    ref = $ref.startsWith("#/components/schemas/") ? $ref.slice("#/components/schemas/".length) : $ref;
    node = Object.keys(siblings).length > 0 && isObject(target) ? { ...target, ...siblings } : target;
  }
  return ref === undefined ? { node } : { node, ref };
}

export function viewSchema(raw: unknown, document: OpenApiDocument, depth = 0): SchemaView {
  if (depth > MAX_NESTING)
    throw new SchemaResolutionError("allOf/anyOf nesting does not end (a schema includes itself)");
  const { node, ref } = dereference(raw, document);
  // JSON Schema's boolean schemas: `true` accepts anything; `false` nothing (an empty type set).
  if (node === false) return { ...anyView(), any: false, nullable: false };
  if (!isObject(node)) return ref === undefined ? anyView() : { ...anyView(), ref };

  let view = ownView(node);
  if (Array.isArray(node.allOf)) {
    for (const member of node.allOf) view = intersect(view, viewSchema(member, document, depth + 1));
  }
  const options = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (options) view = intersect(view, unionView(options, document, depth + 1));
  // The outer schema's annotations are the most specific (a property's own description beats its type's).
  view.docs = { ...definedOnly(view.docs), ...definedOnly(ownDocs(node)) };
  if (ref !== undefined) view.ref = ref;
  return view;
}

function anyView(): SchemaView {
  return {
    any: true,
    types: new Set(),
    nullable: true,
    properties: new Map(),
    required: new Set(),
    deprecated: false,
    docs: {},
  };
}

/** The constraints a schema states itself, ignoring allOf/anyOf/oneOf. */
function ownView(node: Record<string, unknown>): SchemaView {
  const view = anyView();
  const declared =
    typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? node.type.map(String) : [];
  const enumSource = Array.isArray(node.enum)
    ? node.enum
    : Object.hasOwn(node, "const")
      ? [node.const]
      : undefined;
  const properties = isObject(node.properties) ? node.properties : undefined;
  if (declared.length > 0) {
    view.any = false;
    view.types = new Set(declared.filter((type) => type !== "null"));
    view.nullable = declared.includes("null");
  } else if (properties || node.items !== undefined || enumSource) {
    // An untyped schema with properties/items/enum is, in practice, an object/array/enum of those values.
    view.any = false;
    view.nullable = false;
    if (properties) view.types.add("object");
    if (node.items !== undefined) view.types.add("array");
    for (const value of enumSource ?? []) if (value !== null) view.types.add(jsonType(value));
  }
  if (node.nullable === true) view.nullable = true;
  if (enumSource) {
    if (enumSource.includes(null)) view.nullable = true;
    view.enumValues = enumSource.filter((value) => value !== null).map((value) => JSON.stringify(value));
  }
  if (typeof node.format === "string") view.format = node.format;
  if (properties) view.properties = new Map(Object.entries(properties));
  if (Array.isArray(node.required)) view.required = new Set(node.required.map(String));
  if (node.items !== undefined) view.items = node.items;
  if (isObject(node.additionalProperties)) view.additionalProperties = node.additionalProperties;
  view.deprecated = node.deprecated === true;
  if (Object.hasOwn(node, "default")) view.defaultValue = JSON.stringify(node.default);
  view.docs = ownDocs(node);
  return view;
}

function ownDocs(node: Record<string, unknown>): SchemaView["docs"] {
  const docs: SchemaView["docs"] = {};
  if (typeof node.title === "string") docs.title = node.title;
  if (typeof node.description === "string") docs.description = node.description;
  const example = node.examples ?? node.example;
  if (example !== undefined) docs.example = JSON.stringify(example);
  return docs;
}

/** anyOf/oneOf: null members make the whole nullable; one remaining member is the schema itself. */
function unionView(options: unknown[], document: OpenApiDocument, depth: number): SchemaView {
  const members = options.map((option) => ({ option, view: viewSchema(option, document, depth) }));
  const isNullOnly = (view: SchemaView) =>
    !view.any && view.types.size === 0 && view.nullable && !view.enumValues;
  const nonNull = members.filter(({ view }) => !isNullOnly(view));
  const hasNullMember = nonNull.length < members.length;
  if (nonNull.length === 1) {
    const only = nonNull[0]!.view;
    return { ...only, nullable: only.nullable || hasNullMember };
  }
  const view = anyView();
  if (nonNull.length === 0) return { ...view, any: false, nullable: hasNullMember };
  view.any = nonNull.some((member) => member.view.any);
  view.nullable = hasNullMember || nonNull.some((member) => member.view.nullable);
  for (const member of nonNull) for (const type of member.view.types) view.types.add(type);
  view.variants = nonNull.map((member) => member.option);
  return view;
}

/** allOf: a value must satisfy both schemas. */
function intersect(a: SchemaView, b: SchemaView): SchemaView {
  const result: SchemaView = {
    any: a.any && b.any,
    types: a.any ? new Set(b.types) : b.any ? new Set(a.types) : intersectTypes(a.types, b.types),
    nullable: a.nullable && b.nullable,
    properties: new Map(a.properties),
    required: new Set([...a.required, ...b.required]),
    deprecated: a.deprecated || b.deprecated,
    docs: { ...definedOnly(b.docs), ...definedOnly(a.docs) },
  };
  // A property constrained by both members must satisfy both.
  for (const [name, schema] of b.properties) {
    const existing = result.properties.get(name);
    result.properties.set(name, existing === undefined ? schema : { allOf: [existing, schema] });
  }
  const format = a.format ?? b.format;
  if (format !== undefined) result.format = format;
  const enumValues =
    a.enumValues && b.enumValues
      ? a.enumValues.filter((value) => b.enumValues!.includes(value))
      : (a.enumValues ?? b.enumValues);
  if (enumValues) result.enumValues = enumValues;
  const items =
    a.items !== undefined && b.items !== undefined ? { allOf: [a.items, b.items] } : (a.items ?? b.items);
  if (items !== undefined) result.items = items;
  const additional = a.additionalProperties ?? b.additionalProperties;
  if (additional !== undefined) result.additionalProperties = additional;
  const variants = a.variants ?? b.variants;
  if (variants) result.variants = variants;
  const defaultValue = a.defaultValue ?? b.defaultValue;
  if (defaultValue !== undefined) result.defaultValue = defaultValue;
  const ref = a.ref ?? b.ref;
  if (ref !== undefined) result.ref = ref;
  return result;
}

function intersectTypes(a: Set<string>, b: Set<string>): Set<string> {
  const result = new Set<string>();
  for (const type of a) {
    if (b.has(type)) result.add(type);
    else if (type === "number" && b.has("integer")) result.add("integer");
    else if (type === "integer" && b.has("number")) result.add("integer");
  }
  return result;
}

/** Whether the type set admits every value of `type` (integers are numbers). */
export function coversType(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === "integer" && types.has("number"));
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
