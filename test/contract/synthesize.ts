/**
 * Builds, from an OpenAPI 3.1 document alone, a request the spec accepts for one of its operations: every path
 * parameter, every required query parameter plus the optional ones whose value is a scalar or a list of scalars
 * (those serialise the same way in every client), and a JSON body when the operation takes one.
 *
 * A value comes from its schema: `const`, else the first of `examples`/`example`/`default` that is not null, else
 * the first enum value that is not null, else one made from the type and its constraints (format, bounds, length,
 * multipleOf, minItems). `$ref`s are resolved (local ones), `allOf` is merged, `anyOf`/`oneOf` take their first
 * branch that yields a value, trying null last; objects get every property (an optional one is left out if no
 * value can be made for it, `readOnly` ones always, since a request must not send them). Null is produced only
 * where nothing else is allowed.
 *
 * What cannot be synthesised fails with a SynthesisError naming the operation and the place, never a request the
 * spec would refuse: a required header or cookie parameter, a required body that is not JSON, a string pattern
 * the candidate value does not match (give the schema an example), a required property that refers to itself.
 */

export interface SynthesizedRequest {
  params: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
}

export class SynthesisError extends Error {
  override name = "SynthesisError";
}

type Schema = Record<string, unknown>;

interface Context {
  document: Schema;
  /** "METHOD /path", for messages. */
  operation: string;
}

/** Values for the string formats of JSON Schema and OpenAPI that a server is likely to check. */
const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2025-01-01T12:00:00Z",
  date: "2025-01-01",
  time: "12:00:00Z",
  duration: "P1D",
  email: "user@example.com",
  "idn-email": "user@example.com",
  hostname: "example.com",
  "idn-hostname": "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  uri: "https://example.com/",
  "uri-reference": "https://example.com/",
  iri: "https://example.com/",
  "iri-reference": "https://example.com/",
  url: "https://example.com/",
  uuid: "123e4567-e89b-42d3-a456-426614174000",
  byte: "c2FtcGxl",
  "json-pointer": "/sample",
  regex: "^sample$",
};
const PLAIN_STRING = "sample";

export function validRequest(spec: object, method: string, path: string): SynthesizedRequest {
  const document = spec as Schema;
  const context: Context = { document, operation: `${method.toUpperCase()} ${path}` };
  const paths = isRecord(document.paths) ? document.paths : {};
  const pathItem = paths[path] === undefined ? undefined : deref(context, paths[path], "the path item");
  const operation = pathItem?.[method.toLowerCase()];
  if (!isRecord(operation)) throw new SynthesisError(`${context.operation}: the spec has no such operation`);

  const pathParams: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const parameter of parametersOf(context, pathItem!, operation)) {
    const name = String(parameter.name);
    const at = `${parameter.in} parameter "${name}"`;
    const required = parameter.in === "path" || parameter.required === true;
    if (parameter.in !== "path" && parameter.in !== "query") {
      if (required)
        throw new SynthesisError(
          `${context.operation}: the required ${at} cannot be sent as params.path or params.query`,
        );
      continue;
    }
    if (parameter.schema === undefined) {
      if (required)
        throw new SynthesisError(
          `${context.operation}: the ${at} has no schema (content-encoded parameters are not synthesised)`,
        );
      continue;
    }
    if (parameter.in === "path") {
      pathParams[name] = parameterValue(context, parameter, at);
      continue;
    }
    if (required) {
      query[name] = parameterValue(context, parameter, at);
      continue;
    }
    // Only values every client serialises alike (form style): an object would be a matter of style, not of spec.
    const made = optional(() => parameterValue(context, parameter, at));
    if (isScalar(made) || (Array.isArray(made) && made.every(isScalar))) query[name] = made;
  }

  const request: SynthesizedRequest = { params: {} };
  if (Object.keys(pathParams).length > 0) request.params.path = pathParams;
  if (Object.keys(query).length > 0) request.params.query = query;
  if (operation.requestBody !== undefined) {
    const requestBody = deref(context, operation.requestBody, "the request body");
    const content = isRecord(requestBody.content) ? requestBody.content : {};
    const json = content["application/json"];
    if (isRecord(json)) request.body = value(context, json.schema ?? {}, "request body", []);
    else if (requestBody.required === true)
      throw new SynthesisError(
        `${context.operation}: the request body is required but not application/json (${Object.keys(content).join(", ") || "no media type"})`,
      );
  }
  return request;
}

/** The operation's parameters, resolved, with the path item's ones that the operation does not redeclare. */
function parametersOf(context: Context, pathItem: Schema, operation: Schema): Schema[] {
  const resolve = (list: unknown) =>
    (Array.isArray(list) ? list : []).map((parameter) => deref(context, parameter, "a parameter"));
  const own = resolve(operation.parameters);
  const key = (parameter: Schema) => `${parameter.in} ${parameter.name}`;
  const redeclared = new Set(own.map(key));
  return [...resolve(pathItem.parameters).filter((parameter) => !redeclared.has(key(parameter))), ...own];
}

function parameterValue(context: Context, parameter: Schema, at: string): unknown {
  const example = firstOf([
    parameter.example,
    ...(isRecord(parameter.examples)
      ? Object.values(parameter.examples).map((named) => (isRecord(named) ? named.value : undefined))
      : []),
  ]);
  if (example !== undefined) return example;
  return value(context, parameter.schema, at, []);
}

/**
 * A value `schema` accepts. `at` names the place in messages ("request body.items[]"); `refs` are the $refs
 * being expanded, so that a schema referring to itself fails instead of recursing forever.
 */
function value(context: Context, input: unknown, at: string, refs: string[]): unknown {
  if (input === true) return PLAIN_STRING;
  if (!isRecord(input)) throw new SynthesisError(`${context.operation}, ${at}: the schema accepts no value`);
  const { schema, refs: expanded } = flatten(context, input, at, refs);

  if ("const" in schema) return schema.const;
  const example = firstOf([
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    schema.example,
    schema.default,
  ]);
  if (example !== undefined) return example;
  if (Array.isArray(schema.enum)) {
    const allowed = schema.enum.find((member) => member !== null);
    return allowed === undefined ? null : allowed;
  }

  const branches = [schema.anyOf, schema.oneOf].find(Array.isArray) as unknown[] | undefined;
  if (branches) {
    const { anyOf: _anyOf, oneOf: _oneOf, ...siblings } = schema;
    const ordered = [...branches].sort(
      (a, b) => Number(acceptsOnlyNull(context, a)) - Number(acceptsOnlyNull(context, b)),
    );
    let firstError: unknown;
    for (const branch of ordered) {
      try {
        return value(context, { allOf: [siblings, branch] }, at, expanded);
      } catch (error) {
        if (!(error instanceof SynthesisError)) throw error;
        firstError ??= error;
      }
    }
    throw firstError;
  }

  switch (typeOf(schema)) {
    case "null":
      return null;
    case "boolean":
      return true;
    case "integer":
      return numberValue(context, schema, true, at);
    case "number":
      return numberValue(context, schema, false, at);
    case "string":
      return stringValue(context, schema, at);
    case "array":
      return arrayValue(context, schema, at, expanded);
    case "object":
      return objectValue(context, schema, at, expanded);
    default:
      // No type and no keyword saying which: the schema accepts anything.
      return PLAIN_STRING;
  }
}

/**
 * The schema with its $ref (and the $refs of its allOf members) resolved and its allOf merged into one schema:
 * properties of the same name are combined with allOf, `required` lists are joined, other keywords of later
 * members win.
 */
function flatten(
  context: Context,
  input: Schema,
  at: string,
  refs: string[],
): { schema: Schema; refs: string[] } {
  let schema = input;
  let expanded = refs;
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    if (expanded.includes(ref))
      throw new SynthesisError(`${context.operation}, ${at}: the schema refers to itself through ${ref}`);
    const { $ref: _ref, ...siblings } = schema;
    const target = deref(context, schema, at);
    expanded = [...expanded, ref];
    schema = Object.keys(siblings).length > 0 ? { allOf: [target, siblings] } : target;
  }
  if (!Array.isArray(schema.allOf)) return { schema, refs: expanded };
  const { allOf, ...own } = schema;
  let merged: Schema = {};
  for (const member of [own, ...allOf]) {
    if (!isRecord(member)) continue;
    const flat = flatten(context, member, at, expanded);
    expanded = flat.refs;
    merged = mergeSchemas(merged, flat.schema);
  }
  return { schema: merged, refs: expanded };
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  const merged: Schema = { ...a, ...b };
  if (isRecord(a.properties) && isRecord(b.properties)) {
    const properties: Schema = { ...a.properties };
    for (const [name, property] of Object.entries(b.properties))
      properties[name] = name in properties ? { allOf: [properties[name], property] } : property;
    merged.properties = properties;
  }
  if (Array.isArray(a.required) && Array.isArray(b.required))
    merged.required = [...new Set([...a.required, ...b.required])];
  return merged;
}

/** The schema's type: the first one that is not null, or the one its keywords imply. */
function typeOf(schema: Schema): string | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (type): type is string => typeof type === "string",
  );
  const type = types.find((candidate) => candidate !== "null") ?? types[0];
  if (type !== undefined) return type;
  if ("properties" in schema || "additionalProperties" in schema || "required" in schema) return "object";
  if ("items" in schema || "prefixItems" in schema) return "array";
  if ("minimum" in schema || "maximum" in schema || "multipleOf" in schema) return "number";
  if ("format" in schema || "pattern" in schema || "minLength" in schema || "maxLength" in schema)
    return "string";
  return undefined;
}

function acceptsOnlyNull(context: Context, input: unknown): boolean {
  if (!isRecord(input)) return false;
  const schema = typeof input.$ref === "string" ? deref(context, input, "a branch") : input;
  if (schema.const === null) return true;
  if (Array.isArray(schema.enum)) return schema.enum.every((member) => member === null);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.length > 0 && types.every((type) => type === "null");
}

function numberValue(context: Context, schema: Schema, integer: boolean, at: string): number {
  // The step keeps an exclusive bound out of reach: the next integer, or half a unit for a number.
  const step = integer ? 1 : 0.5;
  let low = typeof schema.minimum === "number" ? schema.minimum : -Infinity;
  if (typeof schema.exclusiveMinimum === "number") low = Math.max(low, schema.exclusiveMinimum + step);
  let high = typeof schema.maximum === "number" ? schema.maximum : Infinity;
  if (typeof schema.exclusiveMaximum === "number") high = Math.min(high, schema.exclusiveMaximum - step);
  // 1 rather than 0: ids, counts and page sizes are often positive.
  let result = Math.min(Math.max(1, low), high);
  if (integer) result = Math.ceil(result);
  if (typeof schema.multipleOf === "number" && schema.multipleOf > 0)
    result = Math.ceil(result / schema.multipleOf) * schema.multipleOf;
  if (result < low || result > high || (integer && !Number.isInteger(result)))
    throw new SynthesisError(
      `${context.operation}, ${at}: no ${integer ? "integer" : "number"} satisfies the bounds and multipleOf`,
    );
  return result;
}

function stringValue(context: Context, schema: Schema, at: string): string {
  const format = typeof schema.format === "string" ? FORMAT_SAMPLES[schema.format] : undefined;
  let text = format ?? PLAIN_STRING;
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  // A formatted value cannot be padded or cut without breaking its format.
  if (format === undefined) text = text.padEnd(minLength, "x").slice(0, maxLength);
  if (text.length < minLength || text.length > maxLength)
    throw new SynthesisError(
      `${context.operation}, ${at}: the ${String(schema.format)} value does not fit the length bounds`,
    );
  if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(text))
    throw new SynthesisError(
      `${context.operation}, ${at}: "${text}" does not match the pattern ${schema.pattern} (give the schema an example)`,
    );
  return text;
}

function arrayValue(context: Context, schema: Schema, at: string, refs: string[]): unknown[] {
  const prefix = (Array.isArray(schema.prefixItems) ? schema.prefixItems : []).map((item, index) =>
    value(context, item, `${at}[${index}]`, refs),
  );
  if (schema.items === false) return prefix;
  const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === "number" ? schema.maxItems : Infinity;
  const needed = Math.max(0, minItems - prefix.length);
  // One item beyond the prefix shows the item schema is honoured; more only if minItems asks for them.
  const count = Math.min(Math.max(1, needed), maxItems - prefix.length);
  if (count <= 0) return prefix;
  if (count > 1 && schema.uniqueItems === true)
    throw new SynthesisError(`${context.operation}, ${at}: ${minItems} unique items cannot be synthesised`);
  const make = () => value(context, schema.items ?? {}, `${at}[]`, refs);
  const item = needed > 0 ? make() : optional(make);
  if (item === undefined) return prefix;
  return [...prefix, ...Array.from({ length: count }, () => item)];
}

function objectValue(context: Context, schema: Schema, at: string, refs: string[]): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const extra = isRecord(schema.additionalProperties) ? schema.additionalProperties : undefined;
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (isRecord(property) && isReadOnly(context, property)) continue;
    const make = () => value(context, property, `${at}.${name}`, refs);
    if (required.has(name)) {
      result[name] = make();
      continue;
    }
    const made = optional(make);
    if (made !== undefined) result[name] = made;
  }
  for (const name of required)
    if (!(name in properties)) result[name] = value(context, extra ?? {}, `${at}.${name}`, refs);
  // A map (additionalProperties with a schema) gets one entry, so the value schema is exercised too.
  if (extra !== undefined && Object.keys(properties).length === 0 && required.size === 0) {
    const entry = optional(() => value(context, extra, `${at}.${PLAIN_STRING}`, refs));
    if (entry !== undefined) result[PLAIN_STRING] = entry;
  }
  return result;
}

function isReadOnly(context: Context, property: Schema): boolean {
  if (property.readOnly === true) return true;
  return typeof property.$ref === "string" && deref(context, property, "a property").readOnly === true;
}

/** The value, or undefined when none can be made: for what a request may leave out. */
function optional(make: () => unknown): unknown {
  try {
    return make();
  } catch (error) {
    if (error instanceof SynthesisError) return undefined;
    throw error;
  }
}

/** Resolves a local `$ref` (#/…), following chains of refs; anything else is returned as it is. */
function deref(context: Context, input: unknown, at: string): Schema {
  let current = input;
  const seen = new Set<string>();
  while (isRecord(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new SynthesisError(`${context.operation}, ${at}: $ref ${ref} refers to itself`);
    seen.add(ref);
    current = ref.startsWith("#/")
      ? ref
          .slice(2)
          .split("/")
          .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
          .reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), context.document)
      : undefined;
    if (current === undefined)
      throw new SynthesisError(
        `${context.operation}, ${at}: $ref ${ref} does not resolve (only local ones, #/…, are followed)`,
      );
  }
  if (!isRecord(current)) throw new SynthesisError(`${context.operation}, ${at}: not an object`);
  return current;
}

function firstOf(candidates: unknown[]): unknown {
  return candidates.find((candidate) => candidate !== undefined && candidate !== null);
}

function isScalar(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isRecord(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
