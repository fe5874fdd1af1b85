import createClient from "openapi-fetch";
import { createResilientFetch, type ResilienceOptions } from "../../src/resilience/index.js";
import type { RateLimitTable, RetryEvent } from "../../src/resilience/options.js";

export const createRun = "POST /v1/organizations/1/agent/run";
export const getRun = "GET /v1/organizations/1/agent/run/7";
export const editPr = "PATCH /v1/organizations/1/prs/3";
export const putSettings = "PUT /v1/organizations/1/repos/check-suite-settings";

/** The documented table's shape, with windows scaled down so tests wait milliseconds, not minutes. */
export const scaledLimits: RateLimitTable = {
  rateLimitGroups: {
    standard: { limit: 1000, windowMs: 1000 },
    "agent-creation": { limit: 3, windowMs: 150 },
  },
  operationGroups: {
    "POST /v1/organizations/{org_id}/agent/run": "agent-creation",
    "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}": "standard",
    "POST /v1/organizations/{org_id}/agent/run/ban": "standard",
    "PATCH /v1/organizations/{org_id}/prs/{pr_id}": "standard",
    "GET /v1/organizations/{org_id}/repos/check-suite-settings": "standard",
    "PUT /v1/organizations/{org_id}/repos/check-suite-settings": "standard",
  },
};

type Result = { data?: any; error?: unknown; response: Response };
type Init = Record<string, unknown>;
/** openapi-fetch's calls, untyped: these tests use plain routes and pass per-request options freely. */
interface LooseClient {
  GET(path: string, init?: Init): Promise<Result>;
  POST(path: string, init?: Init): Promise<Result>;
  request(method: string, path: string, init?: Init): Promise<Result>;
}

/** An openapi-fetch client over the resilient fetch, with millisecond backoff; records every onRetry event. */
export function resilientClient(baseUrl: string, options: ResilienceOptions = {}) {
  const retries: RetryEvent[] = [];
  const fetch = createResilientFetch(globalThis.fetch, {
    backoff: { baseMs: 2, maxMs: 10 },
    baseUrl,
    onRetry: (event) => retries.push(event),
    ...options,
    // `rateLimits: undefined` asks for the documented table.
    rateLimits: "rateLimits" in options ? options.rateLimits : scaledLimits,
  });
  const api = createClient<any>({ baseUrl, fetch }) as unknown as LooseClient;
  return { api, fetch, retries };
}

/** "METHOD /path" → [method, path] for openapi-fetch's `request()`. */
export function split(route: string): [string, string] {
  const [method, path] = route.split(" ") as [string, string];
  return [method.toLowerCase(), path];
}

/** The most requests seen in any window of `windowMs` (half-open), given arrival times. */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
