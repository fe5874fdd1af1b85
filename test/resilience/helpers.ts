import createClient, { type Middleware } from "openapi-fetch";
import { withResilience, type ResilienceOptions } from "../../src/resilience/index.js";
import type { RateLimitTable, RetryEvent } from "../../src/resilience/options.js";

export const createRun = "POST /v1/organizations/1/agent/run";
export const getRun = "GET /v1/organizations/1/agent/run/7";
export const editPr = "PATCH /v1/organizations/1/prs/3";
export const putSettings = "PUT /v1/organizations/1/repos/check-suite-settings";

/** The documented table's shape, with windows scaled down so tests wait milliseconds, not minutes. */
export const scaledLimits: RateLimitTable = {
  standard: { limit: 1000, windowMs: 1000 },
  "agent-creation": { limit: 3, windowMs: 150, operations: ["POST /v1/organizations/{org_id}/agent/run"] },
};

type Result = { data?: any; error?: unknown; response: Response };
type Init = Record<string, unknown>;
/** openapi-fetch's calls, untyped: these tests use plain routes and pass per-request options freely. */
interface LooseClient {
  GET(path: string, init?: Init): Promise<Result>;
  POST(path: string, init?: Init): Promise<Result>;
  request(method: string, path: string, init?: Init): Promise<Result>;
}

/**
 * The tests name concrete paths (what the server sees); the client is called, as users call it, with the
 * template and its path parameters, which is what names the operation and picks its rate-limit group.
 */
const templates: [RegExp, string, string[]][] = [
  [/^\/v1\/organizations\/(\d+)\/agent\/run$/, "/v1/organizations/{org_id}/agent/run", ["org_id"]],
  [
    /^\/v1\/organizations\/(\d+)\/agent\/run\/(\d+)$/,
    "/v1/organizations/{org_id}/agent/run/{agent_run_id}",
    ["org_id", "agent_run_id"],
  ],
  [/^\/v1\/organizations\/(\d+)\/prs\/(\d+)$/, "/v1/organizations/{org_id}/prs/{pr_id}", ["org_id", "pr_id"]],
  [
    /^\/v1\/organizations\/(\d+)\/repos\/check-suite-settings$/,
    "/v1/organizations/{org_id}/repos/check-suite-settings",
    ["org_id"],
  ],
];

function templated(path: string, init: Init = {}): [string, Init] {
  for (const [pattern, template, names] of templates) {
    const match = pattern.exec(path);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, Number(match[i + 1])]));
    const params = (init.params ?? {}) as Init;
    return [template, { ...init, params: { ...params, path: values } }];
  }
  return [path, init];
}

/** An openapi-fetch client with the resilience layer and millisecond backoff; records every onRetry event. */
export function resilientClient(baseUrl: string, options: ResilienceOptions = {}) {
  const retries: RetryEvent[] = [];
  const client = withResilience((transport) => createClient<any>({ baseUrl, ...transport }), baseUrl, {
    backoff: { baseMs: 2, maxMs: 10 },
    onRetry: (event: RetryEvent) => retries.push(event),
    ...options,
    // `rateLimits: undefined` asks for the documented table.
    rateLimits: "rateLimits" in options ? options.rateLimits : scaledLimits,
  }) as unknown as LooseClient;
  const api: LooseClient = {
    GET: (path, init) => client.GET(...templated(path, init)),
    POST: (path, init) => client.POST(...templated(path, init)),
    request: (method, path, init) => client.request(method, ...templated(path, init)),
  };
  const use = (client as unknown as { use: (middleware: Middleware) => void }).use;
  return { api, retries, use };
}

/** "METHOD /path" → [method, path] for openapi-fetch's `request()`. */
export function split(route: string): [string, string] {
  const [method, path] = route.split(" ") as [string, string];
  return [method.toLowerCase(), path];
}

export { maxInAnyWindow } from "../../scripts/lib/windows.js";
