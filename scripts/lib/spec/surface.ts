/**
 * The helper surface: which helper calls which operation with which arguments, and the type names users write,
 * worked out from the merged spec plus the naming table (openapi/helpers.yaml). Everything the docs can change
 * (an operation gone, a parameter moved, a field renamed) ends in a notice and a smaller or different surface,
 * never in generated code that does not compile; only contradictions a person must settle (two operations on one
 * helper name, a hand-written helper whose operation is gone) stop the build.
 */
import { BuildError } from "./errors.js";
import { isRecord, type JsonObject } from "../json.js";
import { HTTP_METHODS } from "../http-methods.js";
import type { NamingEntry, NamingTable } from "./naming.js";
import {
  arrayItems,
  asArray,
  isArraySchema,
  isNullable,
  jsonSchemaOf,
  nonNull,
  objectProperties,
  resolveSchema,
  shapeKey,
  successSchema,
  type Resolve,
} from "./schema-reading.js";

export interface Param {
  /** As the spec names it: "agent_run_id". */
  name: string;
  in: "path" | "query";
  required: boolean;
  /** As the helper names it: "agentRunId". */
  argName: string;
  schema: unknown;
}

/** One operation as its helper calls it. */
export interface OperationModel {
  /** "getAgentRun": the operationId up to `_v1_`, camelCased. */
  name: string;
  operationId: string;
  /** "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}" */
  route: string;
  summary: string;
  description: string;
  rateLimit: string | undefined;
  tag: string;
  /** Where `org_id` goes; the client fills it in. */
  org: "path" | "query" | "body" | undefined;
  args: Param[];
  /** Parameters taken from the call's options; given, they select this operation over another of its helper. */
  options: Param[];
  /** The helper takes a query object (the query parameters that are neither args, options nor org_id). */
  query: { required: boolean; omit: string[] } | undefined;
  /** The helper takes a body (`omitOrg`: the body holds org_id too, which the client fills in). */
  body: { required: boolean; omitOrg: boolean; schema: unknown } | undefined;
  /** The JSON schema of the success answer (undefined: no JSON answer). */
  result: unknown;
  /** skip/limit paging: the page fields holding the items and the total. */
  paging: { items: string; total: string } | undefined;
  /** Every query parameter (what `query.<name>` types may name). */
  queryParams: Param[];
  /** The shapes (see shapeKey) of the body, the answer, an array answer's items and a page's items. */
  shapes: { body?: string; result?: string; resultItems?: string; pageItems?: string };
}

export interface HelperModel {
  /** "agentRuns.get" */
  name: string;
  namespace: string;
  method: string;
  /** The operations it calls: those selected by options first, the one called without them last. */
  variants: OperationModel[];
}

export interface TypeAlias {
  name: string;
  /** The operation and what of it the type names: "getAgentRun response". */
  source: string;
  operation: string;
  /** TypeScript for the type (before the object form `{ [K in keyof T]: T[K] }` is applied). */
  expression: string;
  /** The named schema is an object: the alias is written as a mapped type so editors show its name. */
  object: boolean;
  /** The named schema's shape (see shapeKey): other places of the same shape take the name too. */
  shape: string | undefined;
}

/** A hand-written helper (src/, outside src/generated) and the operations it calls through `routes`. */
export interface Workflow {
  file: string;
  /** The functions the file exports, for messages. */
  helper: string;
  operations: string[];
}

export interface Surface {
  operations: OperationModel[];
  helpers: HelperModel[];
  types: TypeAlias[];
  workflows: Workflow[];
  /** Things a maintainer should know: printed as build warnings. */
  notices: string[];
}

/** Names a client already has: a namespace may not take them. */
const CLIENT_MEMBERS = new Set(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]);
const RESERVED = new Set(["request", "use", "eject", "orgId", "constructor", "then"]);

export const camelCase = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase())
    .replace(/^[^a-z]+/, (head) => head.toLowerCase());

/** "create_agent_run_v1_organizations__org_id__agent_run_post" → "createAgentRun" (FastAPI's route suffix cut). */
export function operationName(operationId: string): string {
  const cut = operationId.indexOf("_v1_");
  return camelCase(cut > 0 ? operationId.slice(0, cut) : operationId);
}

export function buildSurface(
  spec: JsonObject,
  table: NamingTable,
  tableFile: string,
  sources: ReadonlyArray<{ file: string; text: string }>,
  previous?: { operations?: Record<string, string> },
): Surface {
  const notices: string[] = [];
  const resolve = (schema: unknown) => resolveSchema(spec, schema);
  const operations = readOperations(spec);

  const models: OperationModel[] = [];
  for (const found of operations) {
    const entry = table.get(found.name);
    models.push(
      modelOf(found, entry ?? {}, resolve, (problem) =>
        notices.push(`${found.route} (${found.name}): ${problem}`),
      ),
    );
  }
  const byName = new Map(models.map((model) => [model.name, model]));
  for (const [name, entry] of table)
    if (!byName.has(name))
      notices.push(
        `${tableFile}: entry "${name}" names no operation of the spec (the docs removed it or renamed it): ` +
          `${entry.helper ? `helper ${entry.helper}` : "its helper"}${entry.types ? ` and types ${Object.keys(entry.types).join(", ")}` : ""} ` +
          "are gone (breaking); delete the entry",
      );

  const helpers = groupHelpers(models, table, tableFile, notices);
  const types = typeAliases(models, table, resolve, notices);
  const workflows = findWorkflows(sources, byName, previous);
  return { operations: models, helpers, types, workflows, notices };
}

interface FoundOperation {
  name: string;
  operationId: string;
  method: string;
  path: string;
  route: string;
  operation: JsonObject;
  pathItem: JsonObject;
}

function readOperations(spec: JsonObject): FoundOperation[] {
  const found: FoundOperation[] = [];
  const seen = new Map<string, string>();
  for (const [path, pathItem] of Object.entries((spec.paths ?? {}) as Record<string, JsonObject>))
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation)) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const operationId = operation.operationId;
      if (typeof operationId !== "string" || !operationId)
        throw new BuildError(
          { operation: route },
          "the operation has no operationId: its helper cannot be named",
        );
      const name = operationName(operationId);
      const clash = seen.get(name);
      if (clash)
        throw new BuildError(
          { operation: route },
          `its operation name "${name}" (from operationId ${operationId}) is also that of ${clash}: ` +
            "helpers and types are keyed by it; the docs must tell the two apart",
        );
      seen.set(name, route);
      found.push({ name, operationId, method: method.toUpperCase(), path, route, operation, pathItem });
    }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function modelOf(
  found: FoundOperation,
  entry: NamingEntry,
  resolve: Resolve,
  notice: (problem: string) => void,
): OperationModel {
  const { operation, pathItem } = found;
  const parameters = [...asArray(pathItem.parameters), ...asArray(operation.parameters)]
    .map(resolve)
    .filter(isRecord)
    .filter((parameter) => typeof parameter.name === "string");
  const params: Param[] = [];
  for (const parameter of parameters) {
    if (parameter.in !== "path" && parameter.in !== "query") {
      if (parameter.required === true)
        notice(
          `required ${parameter.in} parameter "${parameter.name}" cannot be given to its helper: use the raw client`,
        );
      continue;
    }
    const name = parameter.name as string;
    params.push({
      name,
      in: parameter.in,
      required: parameter.in === "path" || parameter.required === true,
      argName: camelCase(name),
      schema: parameter.schema,
    });
  }
  const param = (name: string) => params.find((candidate) => candidate.name === name);
  const requestBody = resolve(operation.requestBody);
  const bodySchema = isRecord(requestBody) ? jsonSchemaOf(requestBody.content) : undefined;
  const bodyProperties = objectProperties(resolve, bodySchema);

  let org: OperationModel["org"];
  if (param("org_id")?.in === "path") org = "path";
  else if (param("org_id")) org = "query";
  else if (bodyProperties && "org_id" in bodyProperties) org = "body";

  const pick = (names: string[] | undefined, field: string): Param[] =>
    (names ?? []).flatMap((name) => {
      const found = param(name);
      if (found && name !== "org_id") return [found];
      notice(`openapi/helpers.yaml ${field} names "${name}", which the operation no longer has: left out`);
      return [];
    });
  const pathOrder = (a: Param, b: Param) =>
    found.path.indexOf(`{${a.name}}`) - found.path.indexOf(`{${b.name}}`);
  const pathParams = params.filter((p) => p.in === "path" && p.name !== "org_id").sort(pathOrder);
  const args = entry.args ? pick(entry.args, "args") : pathParams;
  const options = pick(entry.options, "options");
  for (const missing of pathParams.filter((p) => !args.includes(p) && !options.includes(p))) {
    notice(
      `path parameter "${missing.name}" is in no args or options of openapi/helpers.yaml: it becomes the last positional argument`,
    );
    args.push(missing);
  }

  const taken = new Set([...args, ...options].map((p) => p.name).concat("org_id"));
  const queryParams = params.filter((p) => p.in === "query");
  const ownQuery = queryParams.filter((p) => !taken.has(p.name));
  const query = ownQuery.length
    ? {
        required: ownQuery.some((p) => p.required),
        omit: queryParams.filter((p) => taken.has(p.name)).map((p) => p.name),
      }
    : undefined;

  const bodyOnlyOrg = org === "body" && Object.keys(bodyProperties ?? {}).length === 1;
  const body =
    isRecord(requestBody) && !bodyOnlyOrg
      ? { required: requestBody.required === true, omitOrg: org === "body", schema: bodySchema }
      : undefined;
  if (isRecord(requestBody) && bodySchema === undefined)
    notice("the request body is not JSON: its helper sends what it is given, untyped");

  const result = successSchema(operation.responses, resolve);
  const paging = pagingOf(entry, queryParams, result, resolve, notice);
  const rateLimit = operation["x-rate-limit"];
  const items = paging ? objectProperties(resolve, result)?.[paging.items] : undefined;
  const shapes = {
    body: shapeKey(resolve, nonNull(resolve, bodySchema)),
    result: shapeKey(resolve, nonNull(resolve, result)),
    resultItems: shapeKey(resolve, arrayItems(resolve, result)),
    pageItems: shapeKey(resolve, arrayItems(resolve, items)),
  };
  return {
    name: found.name,
    operationId: found.operationId,
    route: found.route,
    summary: typeof operation.summary === "string" ? operation.summary : found.name,
    description: typeof operation.description === "string" ? operation.description : "",
    rateLimit: isRecord(rateLimit)
      ? `${rateLimit.limit} / ${rateLimit.windowSeconds} s (${rateLimit.group})`
      : undefined,
    tag:
      Array.isArray(operation.tags) && typeof operation.tags[0] === "string"
        ? operation.tags[0]
        : "operations",
    org,
    args,
    options,
    query,
    body,
    result,
    paging,
    queryParams,
    shapes,
  };
}

/** Lists that page with skip/limit and answer `{ <items>: [...], <total>: n }` become PagedLists. */
function pagingOf(
  entry: NamingEntry,
  queryParams: Param[],
  result: unknown,
  resolve: Resolve,
  notice: (problem: string) => void,
): OperationModel["paging"] {
  const fields = entry.pages ?? { items: "items", total: "total" };
  const pagesBySkipLimit = ["skip", "limit"].every((name) => queryParams.some((p) => p.name === name));
  const properties = objectProperties(resolve, result);
  const shaped =
    properties !== undefined &&
    isArraySchema(resolve, properties[fields.items]) &&
    fields.total in properties;
  if (pagesBySkipLimit && shaped) return fields;
  if (entry.pages)
    notice(
      `openapi/helpers.yaml pages { items: ${fields.items}, total: ${fields.total} } no longer matches the operation ` +
        "(skip/limit query and those answer fields): its helper returns the answer as it is",
    );
  return undefined;
}

function groupHelpers(
  models: OperationModel[],
  table: NamingTable,
  tableFile: string,
  notices: string[],
): HelperModel[] {
  const groups = new Map<string, OperationModel[]>();
  for (const model of models) {
    const named = table.get(model.name)?.helper;
    const name = named ?? `${camelCase(model.tag)}.${model.name}`;
    if (!named)
      notices.push(
        `${model.route} (${model.name}) is new: its helper is \`${name}\` by default; ` +
          `give it a name (and its types) in ${tableFile}`,
      );
    groups.set(name, [...(groups.get(name) ?? []), model]);
  }
  const helpers: HelperModel[] = [];
  for (const [name, group] of groups) {
    const [namespace, method] = name.split(".") as [string, string];
    if (CLIENT_MEMBERS.has(namespace) || RESERVED.has(namespace) || RESERVED.has(method))
      throw new BuildError(
        { file: tableFile, operation: group[0]!.route },
        `helper ${name} would hide a member of the client or of its namespaces: choose another name`,
      );
    const fallbacks = group.filter((model) => model.options.length === 0);
    const sameArgs = group.every(
      (model) => model.args.map((p) => p.name).join() === group[0]!.args.map((p) => p.name).join(),
    );
    if (group.length > 1 && !(fallbacks.length === 1 && sameArgs))
      throw new BuildError(
        { file: tableFile, operation: group.map((model) => `${model.name}: ${model.route}`).join(", ") },
        `helper ${name} is claimed by ${group.length} operations: give each its own helper name, or let ` +
          "them share it: the same args, and `options` that select each of them but one",
      );
    helpers.push({
      name,
      namespace,
      method,
      variants: [...group].sort((a, b) => b.options.length - a.options.length),
    });
  }
  return helpers.sort((a, b) => a.name.localeCompare(b.name));
}

function typeAliases(
  models: OperationModel[],
  table: NamingTable,
  resolve: Resolve,
  notices: string[],
): TypeAlias[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const aliases: TypeAlias[] = [];
  for (const [operationName, entry] of table) {
    const model = byName.get(operationName);
    if (!model) continue; // reported with the entry
    for (const [name, source] of Object.entries(entry.types ?? {})) {
      const [root, ...steps] = source.split(/(?=\.)|(?=\[\])/) as [string, ...string[]];
      let schema: unknown = rootSchema(model, root);
      let expression = `Operation${root[0]!.toUpperCase()}${root.slice(1)}<"${operationName}">`;
      if (root === "response") expression = `OperationResponse<"${operationName}">`;
      let maybeNull = isNullable(resolve, schema);
      for (const step of steps) {
        if (schema === undefined) break;
        const inner = nonNull(resolve, schema);
        const base = maybeNull ? `NonNullable<${expression}>` : expression;
        if (step === "[]") {
          schema = isRecord(inner) && inner.type === "array" ? inner.items : undefined;
          expression = `${base}[number]`;
        } else {
          schema = objectProperties(resolve, inner)?.[step.slice(1)];
          expression = `${base}["${step.slice(1)}"]`;
        }
        maybeNull = true;
      }
      if (schema === undefined) {
        notices.push(
          `type ${name} (${operationName} ${source}): the docs no longer have it: dropped (breaking); ` +
            "point it at what it means now in openapi/helpers.yaml, or delete it",
        );
        continue;
      }
      const target = nonNull(resolve, schema);
      aliases.push({
        name,
        source: `${operationName} ${source}`,
        operation: operationName,
        expression: maybeNull ? `NonNullable<${expression}>` : expression,
        object:
          isRecord(target) &&
          (target.type === "object" || isRecord(target.properties) || Array.isArray(target.allOf)),
        shape: shapeKey(resolve, target),
      });
    }
  }
  return aliases;
}

function rootSchema(model: OperationModel, root: string): unknown {
  if (root === "response") return model.result;
  if (root === "body") return model.body?.schema;
  if (!model.queryParams.length) return undefined;
  return { type: "object", properties: Object.fromEntries(model.queryParams.map((p) => [p.name, p.schema])) };
}

function findWorkflows(
  sources: ReadonlyArray<{ file: string; text: string }>,
  operations: Map<string, OperationModel>,
  previous: { operations?: Record<string, string> } | undefined,
): Workflow[] {
  const workflows: Workflow[] = [];
  for (const { file, text } of sources) {
    const used = [
      ...new Set(
        [...text.matchAll(/(?<![\w$./])routes\.([A-Za-z_$][\w$]*)\b(?!["'])/g)].map((match) => match[1]!),
      ),
    ];
    if (!used.length) continue;
    const helper =
      [...text.matchAll(/^export (?:async )?function\*? ?([A-Za-z0-9_]+)/gm)]
        .map((match) => match[1])
        .join(", ") || file;
    for (const name of used)
      if (!operations.has(name)) {
        const was = previous?.operations?.[name];
        throw new BuildError(
          { file, operation: was ?? name },
          `${helper} calls the operation ${name}, which the docs no longer document. Rewrite or remove the ` +
            "helper (and its tests and README section); nothing was written",
        );
      }
    workflows.push({ file, helper, operations: used.sort() });
  }
  return workflows;
}
