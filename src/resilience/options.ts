import { ConfigurationError, type OperationRef } from "../errors.js";

/** The documented limits: the shape of `src/generated/operations.ts`. */
export interface RateLimitTable {
  /** Group name → "never more than `limit` requests in any `windowMs`". */
  rateLimitGroups: Record<string, { limit: number; windowMs: number }>;
  /** "METHOD /path/{template}" → group name. Operations not listed use the `standard` group. */
  operationGroups: Record<string, string>;
}

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
  /** The request URL without query string or credentials: safe to log. */
  url: string;
  /** The documented operation ("METHOD /path/{template}"), or the concrete path when undocumented. */
  operation: OperationRef;
}

/** Throttling mode: wait for the window, throw `ThrottledError` at once, or no client-side limiting. */
export type ThrottleMode = "wait" | "fail" | false;

/** Client-level options of the resilience layer. */
export interface ResilienceOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Per-attempt timeout in ms, covering the response body of JSON/text answers (default 60 000; `Infinity`: none). */
  timeout?: number;
  /** Longest `Retry-After` the client sleeps through; a longer one returns the 429/503 at once (default 60 000). */
  maxRetryAfterMs?: number;
  /** Exponential backoff with full jitter: retry n sleeps a random time in [0, min(maxMs, baseMs·2ⁿ⁻¹)). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Client-side rate limiting from the documented limits (default "wait"). */
  throttle?: ThrottleMode;
  /** Called before each retry (e.g. to log it). */
  onRetry?: (event: RetryEvent) => void;
  /** The client's base URL; its path prefix is stripped before matching a request to its operation. */
  baseUrl?: string;
  /** The limits table (default: the one generated from the docs). Tests and benchmarks inject scaled tables. */
  rateLimits?: RateLimitTable;
}

/**
 * Per-request options. Pass them in the init of a call (`api.GET(path, { params, timeout: 5000 })`):
 * openapi-fetch copies unknown init keys onto the Request, where the resilient fetch reads them.
 */
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

export interface ResolvedOptions {
  maxRetries: number;
  timeout: number;
  maxRetryAfterMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  throttle: ThrottleMode;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

export const defaults = {
  maxRetries: 2,
  timeout: 60_000,
  maxRetryAfterMs: 60_000,
  backoffBaseMs: 500,
  backoffMaxMs: 8_000,
  throttle: "wait",
} as const satisfies Omit<ResolvedOptions, "onRetry">;

export function resolveOptions(options: ResilienceOptions): ResolvedOptions {
  return {
    maxRetries: checkCount("maxRetries", options.maxRetries) ?? defaults.maxRetries,
    timeout: checkDuration("timeout", options.timeout, { positive: true }) ?? defaults.timeout,
    maxRetryAfterMs: checkDuration("maxRetryAfterMs", options.maxRetryAfterMs) ?? defaults.maxRetryAfterMs,
    backoffBaseMs: checkDuration("backoff.baseMs", options.backoff?.baseMs) ?? defaults.backoffBaseMs,
    backoffMaxMs: checkDuration("backoff.maxMs", options.backoff?.maxMs) ?? defaults.backoffMaxMs,
    throttle: checkThrottle("throttle", options.throttle) ?? defaults.throttle,
    onRetry: options.onRetry,
  };
}

/** Per-request options, read off the Request (openapi-fetch) or the init (direct calls). Undefined = client's. */
export function readRequestOptions(source: unknown): RequestResilienceOptions {
  if (!source || typeof source !== "object") return {};
  const { timeout, maxRetries, retryNonIdempotent, throttle } = source as RequestResilienceOptions;
  return {
    timeout: checkDuration("timeout", timeout, { positive: true }),
    maxRetries: checkCount("maxRetries", maxRetries),
    retryNonIdempotent,
    throttle: checkThrottle("throttle", throttle),
  };
}

function checkCount(name: string, value: number | undefined): number | undefined {
  if (value === undefined || (Number.isInteger(value) && value >= 0)) return value;
  throw new ConfigurationError(`Option \`${name}\` must be a whole number ≥ 0, got ${String(value)}`);
}

function checkDuration(
  name: string,
  value: number | undefined,
  { positive = false } = {},
): number | undefined {
  if (value === undefined) return value;
  if (typeof value === "number" && !Number.isNaN(value) && (positive ? value > 0 : value >= 0)) return value;
  const bound = positive ? "> 0" : "≥ 0";
  throw new ConfigurationError(
    `Option \`${name}\` must be a number of milliseconds ${bound}, got ${String(value)}`,
  );
}

function checkThrottle(name: string, value: ThrottleMode | undefined): ThrottleMode | undefined {
  if (value === undefined || value === "wait" || value === "fail" || value === false) return value;
  throw new ConfigurationError(
    `Option \`${name}\` must be "wait", "fail" or false, got ${JSON.stringify(value)}`,
  );
}
