import { readFileSync } from "node:fs";
import * as routes from "../generated/routes.js";
import { createApiError } from "../errors.js";
import type { CodegenClient } from "../index.js";
import { parse } from "./args.js";
import type { Context } from "./commands.js";
import { EXIT, usageError } from "./exit-codes.js";

const DOCUMENTED: readonly string[] = Object.values(routes);

/**
 * `api <METHOD> <path>` like `gh api`: the path must be a documented template (`/v1/organizations/{org_id}/…`)
 * or a concrete path matching one. Each `-f key=value` fills a `{key}` of the template when it has one; the rest
 * goes to the query for GET/DELETE and to the JSON body otherwise (`--input file.json` gives the whole body,
 * -f fields are merged over it). `{org_id}` is filled from --org-id / CODEGEN_ORG_ID when not given.
 */
export async function api(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    field: { type: "string", short: "f", multiple: true },
    input: { type: "string" },
  });
  const [rawMethod, rawPath] = positionals;
  if (!rawMethod || !rawPath || positionals.length > 2)
    throw usageError("usage: codegen-api api <METHOD> <path> [-f key=value …]");
  const method = rawMethod.toUpperCase();
  const { template, matched } = findRoute(method, rawPath);
  const fields = parseFields((values.field as string[] | undefined) ?? []);
  const path: Record<string, unknown> = { ...matched };
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (template.includes(`{${key}}`)) path[key] = value;
    else rest[key] = value;
  }
  if (template.includes("{org_id}") && path.org_id === undefined) {
    if (ctx.client.orgId === undefined)
      throw usageError("no organization: pass --org-id or set CODEGEN_ORG_ID");
    path.org_id = ctx.client.orgId;
  }
  for (const name of template.match(/\{[^}]+\}/g) ?? [])
    if (path[name.slice(1, -1)] === undefined)
      throw usageError(`${template}: missing ${name} (pass -f ${name.slice(1, -1)}=…)`);
  const sendsQuery = method === "GET" || method === "DELETE";
  let body: unknown;
  if (typeof values.input == "string") body = readInput(values.input);
  if (!sendsQuery && Object.keys(rest).length) body = { ...(body as object), ...rest };
  const init = { params: { path, query: sendsQuery ? rest : undefined }, body, signal: ctx.signal };
  ctx.out.debug(`${method} ${template}`);
  const request = (ctx.client as CodegenClient & { request: Function }).request as (
    method: string,
    path: string,
    init: object,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const { data, error, response } = await request(method.toLowerCase(), template, init);
  if (!response.ok)
    throw createApiError({
      status: response.status,
      body: error,
      operation: { method, path: template },
      response,
    });
  ctx.out.jsonDocument(data ?? null);
  return EXIT.success;
}

/** The documented route for a method and a path given as a template or a concrete path, with the values read off it. */
function findRoute(method: string, given: string): { template: string; matched: Record<string, string> } {
  const path = given.startsWith("/") ? given : `/${given}`;
  for (const route of DOCUMENTED) {
    const [routeMethod, template] = route.split(" ") as [string, string];
    if (routeMethod !== method) continue;
    if (template === path) return { template, matched: {} };
    const names: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, (_, name) => {
      names.push(name);
      return "([^/]+)";
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match)
      return { template, matched: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  }
  throw usageError(
    `${method} ${path} is not a documented operation (see the spec: codegen-api/openapi.json)`,
  );
}

function parseFields(fields: string[]): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (const field of fields) {
    const at = field.indexOf("=");
    if (at <= 0) throw usageError(`-f ${field}: expected key=value`);
    const value = field.slice(at + 1);
    // Numbers and booleans as JSON, like `gh api -F`; everything else stays a string.
    parsed[field.slice(0, at)] = /^(-?\d+(\.\d+)?|true|false|null)$/.test(value) ? JSON.parse(value) : value;
  }
  return parsed;
}

function readInput(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    throw usageError(`--input ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(`--input ${file}: not JSON (${(error as Error).message})`);
  }
}
