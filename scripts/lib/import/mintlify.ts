import { ImportError } from "./errors.js";
import { isRecord, type JsonObject } from "../json.js";

/**
 * Converts a Mintlify-rendered operation block back to the OpenAPI 3.1 it was rendered from.
 *
 * Mintlify's grammar (as found on every rendered page of the snapshot):
 * - `paths: { path, method, servers, request: { security, parameters: { path, query, header, cookie }, body },
 *   response, deprecated, type: path }` plus the document's `components`.
 * - Every schema position holds a `schemaArray` (parameters: `schema`): one entry is the schema, several are
 *   the alternatives of an `anyOf` (what FastAPI emits for `Optional[...]` and unions), each alternative
 *   repeating the annotations (title, description, default, `required`) that belong to the whole.
 * - `refIdentifier: '#/components/schemas/X'` marks an inlined named component: it is emitted once under
 *   components.schemas and replaced by a `$ref`. `requiredProperties` is the component's `required` list.
 * - `required: true|false` on a parameter schema is the parameter's `required`; on a body schema it is
 *   `requestBody.required`.
 * - Properties come wrapped in a one-element `allOf`, annotations inside or beside it: unwrapped and merged.
 * - `type: any` means no constraint (`{}`); `type: enum<string>` is `type: string` with its `enum`.
 * - A `_mintlify/placeholder` media type is a response documented without a body: only its description stays.
 * - `examples` sit beside `schemaArray` and become the media type's `examples`.
 * - An unnamed top-level `type: object` with empty `properties` and no other constraint is an open object
 *   (`additionalProperties: true`) rendered as a list of its (no) properties.
 */
export interface MintlifyOperation {
  method: string;
  path: string;
  servers: unknown;
  security: unknown;
  operation: JsonObject;
  components: JsonObject;
}

interface Context {
  source: string;
  operation: string;
  /** Components extracted from `refIdentifier`s (and the page's own), by name. */
  schemas: Map<string, JsonObject>;
}

const ANNOTATIONS = [
  "title",
  "description",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "examples",
  "example",
];
/** Keys pydantic puts before `type` in a model's schema; Mintlify hoists `type` to the front of entries. */
const STRUCTURAL_KEYS = [
  "properties",
  "items",
  "additionalProperties",
  "prefixItems",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
];
const PARAMETER_LOCATIONS = ["path", "query", "header", "cookie"] as const;

export function isMintlifyBlock(block: unknown): block is { paths: JsonObject } {
  return (
    isRecord(block) &&
    isRecord(block.paths) &&
    typeof block.paths.path === "string" &&
    typeof block.paths.method === "string" &&
    isRecord(block.paths.request)
  );
}

export function convertMintlifyBlock(
  block: { paths: JsonObject; components?: unknown },
  source: string,
): MintlifyOperation {
  const rendered = block.paths;
  const method = String(rendered.method).toLowerCase();
  const path = String(rendered.path);
  const context: Context = { source, operation: `${method.toUpperCase()} ${path}`, schemas: new Map() };
  const fail = (problem: string): never => {
    throw new ImportError(context, problem);
  };
  const known = new Set(["path", "method", "servers", "request", "response", "deprecated", "type"]);
  for (const key of Object.keys(rendered)) if (!known.has(key)) fail(`unknown Mintlify key paths.${key}`);
  if (rendered.type !== undefined && rendered.type !== "path")
    fail(`paths.type is "${String(rendered.type)}", expected "path"`);

  const pageComponents = isRecord(block.components) ? block.components : {};
  const pageSchemas = isRecord(pageComponents.schemas) ? pageComponents.schemas : {};
  for (const [name, schema] of Object.entries(pageSchemas)) {
    if (!isRecord(schema)) fail(`components.schemas.${name} is not an object`);
    context.schemas.set(name, schema as JsonObject);
  }

  const request = rendered.request as JsonObject;
  const operation: JsonObject = {};
  const parameters = convertParameters(request.parameters, context);
  if (rendered.deprecated === true) operation.deprecated = true;
  if (parameters.length > 0) operation.parameters = parameters;
  const requestBody = convertRequestBody(request.body, context);
  if (requestBody) operation.requestBody = requestBody;
  operation.responses = convertResponses(rendered.response, context);

  const otherComponents = Object.fromEntries(
    Object.entries(pageComponents).filter(([key]) => key !== "schemas"),
  );
  const schemas = Object.fromEntries([...context.schemas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const components: JsonObject = { ...(context.schemas.size > 0 ? { schemas } : {}), ...otherComponents };
  return { method, path, servers: rendered.servers, security: request.security, operation, components };
}

function convertParameters(parameters: unknown, context: Context): JsonObject[] {
  if (parameters === undefined) return [];
  if (!isRecord(parameters)) throw new ImportError(context, "request.parameters is not an object");
  for (const key of Object.keys(parameters)) {
    if (!(PARAMETER_LOCATIONS as readonly string[]).includes(key)) {
      throw new ImportError(context, `unknown parameter location request.parameters.${key}`);
    }
  }
  const converted: JsonObject[] = [];
  for (const location of PARAMETER_LOCATIONS) {
    const group = parameters[location] ?? {};
    if (!isRecord(group)) throw new ImportError(context, `request.parameters.${location} is not an object`);
    for (const [name, rendered] of Object.entries(group)) {
      const where = `parameter ${location} "${name}"`;
      if (!isRecord(rendered) || !Array.isArray(rendered.schema) || rendered.schema.length === 0) {
        throw new ImportError(context, `${where} has no schema list`);
      }
      const requiredFlags = new Set(
        rendered.schema.map((entry) => (isRecord(entry) ? entry.required : undefined)),
      );
      if (requiredFlags.size > 1)
        throw new ImportError(context, `${where}: its alternatives disagree on "required"`);
      const [required] = requiredFlags;
      const schema = convertAlternatives(rendered.schema, context, where, { dropRequired: true });
      const parameter: JsonObject = { name, in: location };
      if (typeof required === "boolean") parameter.required = required;
      parameter.schema = schema;
      // FastAPI copies a parameter's description onto the parameter object as well as into its schema.
      const description = rendered.description ?? schema.description;
      if (typeof description === "string") parameter.description = description;
      converted.push(parameter);
    }
  }
  return converted;
}

function convertRequestBody(body: unknown, context: Context): JsonObject | undefined {
  if (body === undefined || (isRecord(body) && Object.keys(body).length === 0)) return undefined;
  if (!isRecord(body)) throw new ImportError(context, "request.body is not an object");
  const content: JsonObject = {};
  let required: boolean | undefined;
  for (const [mediaType, rendered] of Object.entries(body)) {
    const where = `request body ${mediaType}`;
    const entries = schemaArrayOf(rendered, context, where);
    const flags = new Set(entries.map((entry) => entry.required).filter((flag) => typeof flag === "boolean"));
    if (flags.size > 1) throw new ImportError(context, `${where}: its alternatives disagree on "required"`);
    const [flag] = flags as Set<boolean>;
    if (flag !== undefined) {
      if (required !== undefined && required !== flag) {
        throw new ImportError(context, `the request body's media types disagree on "required"`);
      }
      required = flag;
    }
    content[mediaType] = mediaTypeObject(rendered as JsonObject, entries, context, where);
  }
  return { ...(required !== undefined ? { required } : {}), content };
}

function convertResponses(responses: unknown, context: Context): JsonObject {
  if (!isRecord(responses) || Object.keys(responses).length === 0) {
    throw new ImportError(context, "the block documents no response");
  }
  const converted: JsonObject = {};
  for (const [status, mediaTypes] of Object.entries(responses)) {
    if (!isRecord(mediaTypes)) throw new ImportError(context, `response ${status} is not an object`);
    const descriptions = new Set<string>();
    const content: JsonObject = {};
    for (const [mediaType, rendered] of Object.entries(mediaTypes)) {
      const where = `response ${status} ${mediaType}`;
      if (!isRecord(rendered)) throw new ImportError(context, `${where} is not an object`);
      if (typeof rendered.description === "string") descriptions.add(rendered.description);
      if (mediaType === "_mintlify/placeholder") continue;
      content[mediaType] = mediaTypeObject(rendered, schemaArrayOf(rendered, context, where), context, where);
    }
    if (descriptions.size !== 1) {
      throw new ImportError(
        context,
        `response ${status} has ${descriptions.size === 0 ? "no" : "several"} descriptions`,
      );
    }
    converted[status] = {
      description: [...descriptions][0]!,
      ...(Object.keys(content).length > 0 ? { content } : {}),
    };
  }
  return converted;
}

function schemaArrayOf(rendered: unknown, context: Context, where: string): JsonObject[] {
  if (!isRecord(rendered) || !Array.isArray(rendered.schemaArray) || rendered.schemaArray.length === 0) {
    throw new ImportError(context, `${where} has no schemaArray`);
  }
  for (const entry of rendered.schemaArray)
    if (!isRecord(entry)) throw new ImportError(context, `${where}: a schemaArray entry is not an object`);
  return rendered.schemaArray as JsonObject[];
}

function mediaTypeObject(
  rendered: JsonObject,
  entries: JsonObject[],
  context: Context,
  where: string,
): JsonObject {
  const known = new Set(["schemaArray", "examples", "description"]);
  for (const key of Object.keys(rendered))
    if (!known.has(key)) throw new ImportError(context, `${where}: unknown key "${key}"`);
  const mediaType: JsonObject = {
    schema: convertAlternatives(entries, context, where, { dropRequired: true }),
  };
  if (isRecord(rendered.examples) && Object.keys(rendered.examples).length > 0)
    mediaType.examples = rendered.examples;
  return mediaType;
}

/**
 * One entry is the schema; several are `anyOf` alternatives. Annotations every plain alternative repeats with
 * the same value describe the whole and move up beside `anyOf`; an alternative carrying a `refIdentifier`
 * keeps what differs (its component's own title), and loses what the others repeat.
 */
function convertAlternatives(
  entries: unknown[],
  context: Context,
  where: string,
  options: { dropRequired: boolean },
): JsonObject {
  const cleaned = entries.map((entry) => {
    if (!isRecord(entry)) throw new ImportError(context, `${where}: a schema entry is not an object`);
    if (!options.dropRequired) return entry;
    const { required, ...rest } = entry;
    // A list of property names is a real `required`; only the boolean flag is Mintlify's parameter/body marker.
    return Array.isArray(required) ? { ...rest, required } : rest;
  });
  if (cleaned.length === 1) {
    const [entry] = cleaned as [JsonObject];
    if (
      typeof entry.refIdentifier === "string" &&
      typeof entry.description === "string" &&
      where.startsWith("parameter")
    ) {
      // A parameter's description is the parameter's, not the component's (FastAPI writes it beside the $ref).
      const { description, ...component } = entry;
      return { ...convertSchema(component, context, where, true), description };
    }
    return convertSchema(entry, context, where, true);
  }
  const plain = cleaned.filter((entry) => typeof entry.refIdentifier !== "string");
  const basis = plain.length > 0 ? plain : cleaned;
  const shared: JsonObject = {};
  for (const key of ANNOTATIONS) {
    const first = basis[0]![key];
    if (first !== undefined && basis.every((entry) => key in entry && deepEqual(entry[key], first)))
      shared[key] = first;
  }
  const alternatives = cleaned.map((entry, index) => {
    const own = Object.fromEntries(
      Object.entries(entry).filter(([key, value]) => !(key in shared && deepEqual(value, shared[key]))),
    );
    return convertSchema(own, context, `${where} alternative ${index + 1}`, true);
  });
  return { anyOf: alternatives, ...shared };
}

/**
 * Converts one rendered schema (recursively). `topLevel` entries have Mintlify's `type`-first key order and
 * are put back in pydantic's (structure, type, required, then the rest) so a converted component equals the
 * plain pages' copy of it.
 */
function convertSchema(schema: JsonObject, context: Context, where: string, topLevel = false): JsonObject {
  let result: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case "refIdentifier":
      case "requiredProperties":
        break;
      case "type":
        if (value === "any") break;
        result.type = typeof value === "string" ? value.replace(/^enum<(\w+)>$/, "$1") : value;
        break;
      case "properties": {
        if (!isRecord(value)) throw new ImportError(context, `${where}: properties is not an object`);
        const properties: JsonObject = {};
        const flagged: string[] = [];
        for (const [name, property] of Object.entries(value)) {
          if (!isRecord(property))
            throw new ImportError(context, `${where}: property "${name}" is not an object`);
          const { required, ...rest } = property;
          if (required === true) flagged.push(name);
          else if (required !== undefined && typeof required !== "boolean") rest.required = required;
          properties[name] = convertSchema(rest, context, `${where} property "${name}"`);
        }
        result.properties = properties;
        if (flagged.length > 0)
          result.required = [...new Set([...(asStrings(schema.requiredProperties) ?? []), ...flagged])];
        break;
      }
      case "items":
      case "additionalProperties":
      case "not":
      case "contains":
      case "propertyNames":
        result[key] = isRecord(value) ? convertSchema(value, context, `${where} ${key}`) : value;
        break;
      case "anyOf":
      case "oneOf":
      case "prefixItems":
        if (!Array.isArray(value)) throw new ImportError(context, `${where}: ${key} is not a list`);
        result[key] = value.map((item, index) =>
          isRecord(item) ? convertSchema(item, context, `${where} ${key}[${index}]`) : item,
        );
        break;
      case "allOf":
        if (!Array.isArray(value)) throw new ImportError(context, `${where}: allOf is not a list`);
        result.allOf = value.map((item, index) =>
          isRecord(item) ? convertSchema(item, context, `${where} allOf[${index}]`) : item,
        );
        break;
      default:
        result[key] = value;
    }
  }
  const requiredProperties = asStrings(schema.requiredProperties);
  if (schema.requiredProperties !== undefined && !requiredProperties) {
    throw new ImportError(context, `${where}: requiredProperties is not a list of names`);
  }
  if (requiredProperties && result.required === undefined) result.required = requiredProperties;
  result = unwrapSingleAllOf(result, context, where);
  if (topLevel && typeof schema.refIdentifier !== "string") result = reopenObject(result);
  if (topLevel || typeof schema.refIdentifier === "string") result = pydanticOrder(result);

  if (typeof schema.refIdentifier === "string") {
    const name = componentName(schema.refIdentifier, context, where);
    registerComponent(name, result, context);
    return { $ref: `#/components/schemas/${escapePointer(name)}` };
  }
  return result;
}

/**
 * Mintlify renders a top-level schema by listing its properties, so an open object (`type: object,
 * additionalProperties: true`, what FastAPI emits for a `dict` response) comes out as `properties: {}`, which
 * would type as an object that can hold nothing. An unnamed top-level object with no property and nothing else
 * that constrains it is that rendering, and is put back as the open object. A named one (`refIdentifier`) is a
 * pydantic model, whose schema really is `properties: {}` when it has no field; nested schemas keep their
 * `additionalProperties` in Mintlify's rendering.
 */
function reopenObject(schema: JsonObject): JsonObject {
  const { properties, ...rest } = schema;
  if (schema.type !== "object" || !isRecord(properties) || Object.keys(properties).length > 0) return schema;
  if (!Object.keys(rest).every((key) => key === "type" || ANNOTATIONS.includes(key))) return schema;
  return { additionalProperties: true, ...rest };
}

/** `{ allOf: [inner], ...beside }` → inner merged with the annotations beside it (a clash is an error). */
function unwrapSingleAllOf(schema: JsonObject, context: Context, where: string): JsonObject {
  const allOf = schema.allOf;
  if (!Array.isArray(allOf) || allOf.length !== 1 || !isRecord(allOf[0])) return schema;
  const { allOf: _wrapper, ...beside } = schema;
  const inner = allOf[0];
  for (const [key, value] of Object.entries(beside)) {
    if (key in inner && !deepEqual(inner[key], value)) {
      throw new ImportError(context, `${where}: "${key}" differs inside and beside its one-element allOf`);
    }
  }
  return { ...inner, ...beside };
}

function pydanticOrder(schema: JsonObject): JsonObject {
  const ordered: JsonObject = {};
  for (const key of [...STRUCTURAL_KEYS, "type", "required"]) if (key in schema) ordered[key] = schema[key];
  for (const [key, value] of Object.entries(schema)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

function registerComponent(name: string, schema: JsonObject, context: Context): void {
  const existing = context.schemas.get(name);
  if (existing && !deepEqual(existing, schema)) {
    throw new ImportError(context, `component ${name} is rendered twice on the page with different content`);
  }
  if (!existing) context.schemas.set(name, schema);
}

function componentName(refIdentifier: string, context: Context, where: string): string {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(refIdentifier);
  if (!match)
    throw new ImportError(
      context,
      `${where}: refIdentifier "${refIdentifier}" is not #/components/schemas/<name>`,
    );
  return match[1]!.replace(/~1/g, "/").replace(/~0/g, "~");
}

function escapePointer(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

function asStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === "string")
    ? (value as string[])
    : undefined;
}

/** Structural equality, insensitive to key order (JSON values only). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]))
    );
  }
  return false;
}
