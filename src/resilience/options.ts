import { ConfigurationError, type OperationRef } from "../errors.js";
import type { RateLimitStore } from "./store.js";
import type { Fetch } from "./transport.js";

/**
 * Rate limits, the shape of `rateLimits` in `src/generated/operations.ts`: group name → "never more than `limit`
 * requests in any `windowMs`" for its `operations` ("METHOD /path/{template}"). Operations listed in no group
 * are in the `standard` group.
 */
export type RateLimitTable = Record<string, { limit: number; windowMs: number; operations?: string[] }>;

/** What `onRetry` is told before each retry. */
export interface RetryEvent {
  /** 1 for the first retry, 2 for the second, … */
  attempt: number;
  /** How long the client sleeps before the retry. */
  delayMs: number;
  /** Why: "HTTP 503", "HTTP 429 (Retry-After 2000 ms)", "ConnectionError: …", "TimeoutError: …". */
  reason: string;
  /** The answer's status, when there was one. */
  status?: number;
  /** The connection error or timeout, when there was no answer. */
  error?: Error;
  method: string;
  /** The request URL without query string: safe to log. */
  url: string;
  /** The operation: "METHOD /path/{template}" as called. */
  operation: OperationRef;
}

/** Throttling mode: wait for the window, throw `ThrottledError` at once, or no client-side limiting. */
export type ThrottleMode = "wait" | "fail" | false;

/** Client-level options of the resilience layer. */
export interface ResilienceOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Per-attempt timeout in ms, covering the body openapi-fetch parses (default 60 000; `Infinity`: none). */
  timeout?: number;
  /** Longest `Retry-After` the client sleeps through; a longer one returns the 429/503 at once (default 60 000). */
  maxRetryAfterMs?: number;
  /** Exponential backoff with full jitter: retry n sleeps a random time in [0, min(maxMs, baseMs·2ⁿ⁻¹)). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Client-side rate limiting from the documented limits (default "wait"). */
  throttle?: ThrottleMode;
  /** Called before each retry (e.g. to log it). */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Where the rate-limit windows live (default: in this client). `redisRateLimitStore(redis)` from
   * `codegen-api/redis` shares them with every process that uses the same token and the same Redis.
   */
  rateLimitStore?: RateLimitStore;
  /** The limits table (default: the one generated from the docs). Tests and benchmarks inject scaled tables. */
  rateLimits?: RateLimitTable;
  /**
   * The fetch each attempt is sent with, called like the standard one: `fetch(url, init)`, or `fetch(request)` when
   * middleware is registered with `use`. Pass `init` on: it carries the method, headers, body and the signal that
   * cancels the attempt on timeout or abort. Default: `globalThis.fetch`, looked up at call time (so polyfills apply).
   */
  fetch?: Fetch;
}

/** Per-request options, in the init of any call: `client.GET(path, { params, timeout: 5000 })`. */
export interface RequestResilienceOptions {
  /** This request's per-attempt timeout in ms. */
  timeout?: number;
  /** This request's retry budget. */
  maxRetries?: number;
  /** Retry this POST/PATCH after a 5xx or a network error although it may already have run. */
  retryNonIdempotent?: boolean;
  /** This request's throttling mode. */
  throttle?: ThrottleMode;
}

type Rule = [valid: (value: any) => boolean, expected: string];
const rules: Record<string, Rule> = {
  maxRetries: [(value) => Number.isInteger(value) && value >= 0, "a whole number ≥ 0"],
  timeout: [(value) => typeof value == "number" && value > 0, "a number of milliseconds > 0"],
  throttle: [(value) => value === "wait" || value === "fail" || value === false, '"wait", "fail" or false'],
};
const durationRule: Rule = [
  (value) => typeof value == "number" && value >= 0,
  "a number of milliseconds ≥ 0",
];

/** A client or per-request option, checked: undefined means "not set here". */
export function checked<T>(name: string, value: T): T {
  if (value === undefined) return value; // the per-request common case: nothing to check
  const [valid, expected] = rules[name] ?? durationRule;
  if (valid(value)) return value;
  const shown = typeof value == "string" ? JSON.stringify(value) : String(value);
  throw new ConfigurationError(`Option \`${name}\` must be ${expected}, got ${shown}`);
}

/** The client's options, checked once at creation. */
export function resolveOptions(options: ResilienceOptions) {
  return {
    maxRetries: checked("maxRetries", options.maxRetries) ?? 2,
    timeout: checked("timeout", options.timeout) ?? 60_000,
    maxRetryAfterMs: checked("maxRetryAfterMs", options.maxRetryAfterMs) ?? 60_000,
    baseMs: checked("backoff.baseMs", options.backoff?.baseMs) ?? 500,
    maxMs: checked("backoff.maxMs", options.backoff?.maxMs) ?? 8_000,
    throttle: checked("throttle", options.throttle) ?? "wait",
  };
}
