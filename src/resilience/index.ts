/**
 * The resilience layer: a `fetch` for openapi-fetch that throttles to the documented rate limits, times out each
 * attempt, and retries only what is safe to repeat. `createCodegenClient` composes it; it works with any fetch.
 */
import { operationGroups, rateLimitGroups } from "../generated/operations.js";
import type { ResilienceOptions } from "./options.js";
import { createResilientFetchFrom } from "./resilient-fetch.js";

export type {
  RateLimitTable,
  RequestResilienceOptions,
  ResilienceOptions,
  RetryEvent,
  ThrottleMode,
} from "./options.js";

const documentedLimits = { rateLimitGroups, operationGroups };

/**
 * `baseFetch` wrapped with retries, timeouts and client-side throttling. One call = one client: all requests made
 * through the returned fetch share the same rate-limit windows.
 */
export function createResilientFetch(baseFetch: typeof fetch, options: ResilienceOptions = {}): typeof fetch {
  return createResilientFetchFrom(baseFetch, options, options.rateLimits ?? documentedLimits);
}
