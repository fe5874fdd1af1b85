/**
 * The resilience layer, around openapi-fetch's call methods (not under them, as a `fetch`): a call names its
 * operation by the path template it was made with, so throttling needs no URL matching, timeouts and errors name
 * the operation, and a retry replays the whole call: openapi-fetch serializes the body again (nothing to buffer)
 * and a body that breaks while openapi-fetch parses it (reset, stall, truncated or invalid JSON) fails this
 * attempt, so a safe request is retried and the rest get a `ConnectionError`.
 */
import type { Client } from "openapi-fetch";
import {
  CodegenError,
  ConfigurationError,
  ConnectionError,
  parseRetryAfter,
  ThrottledError,
  TimeoutError,
} from "../errors.js";
import { rateLimitGroups, throttledOperations } from "../generated/operations.js";
import { createDeadlines } from "./deadlines.js";
import { checked, resolveOptions, type RequestResilienceOptions, type ResilienceOptions } from "./options.js";
import { SlidingWindowLimiter } from "./throttle.js";

export type {
  RateLimitTable,
  RequestResilienceOptions,
  ResilienceOptions,
  RetryEvent,
  ThrottleMode,
} from "./options.js";

/** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2): retried after 408/5xx/network errors. */
const idempotent = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type Init = RequestResilienceOptions & {
  signal?: AbortSignal | null;
  parseAs?: string;
  baseUrl?: string;
  params?: { path?: Record<string, unknown> };
};
type Result = { response: Response };

/**
 * `api` with every call method wrapped by throttling (per documented rate-limit group, shared by the client's
 * calls), a per-attempt timeout and safe retries. Everything that can be is prepared here, once.
 */
export function withResilience<C extends Client<any>>(
  api: C,
  baseUrl: string,
  options: ResilienceOptions = {},
): C {
  const config = resolveOptions(options);
  const { rateLimitGroups: groups, operationGroups } = options.rateLimits ?? {
    rateLimitGroups,
    operationGroups: throttledOperations,
  };
  const limiters = new Map<string, SlidingWindowLimiter>();
  for (const [group, { limit, windowMs }] of Object.entries(groups)) {
    if (!Number.isInteger(limit) || limit < 1 || !(windowMs > 0)) {
      throw new ConfigurationError(`Rate-limit group "${group}" needs a whole limit ≥ 1 and windowMs > 0`);
    }
    limiters.set(group, new SlidingWindowLimiter(limit, windowMs));
  }
  const limiterOf: Record<string, SlidingWindowLimiter | undefined> = { "": limiters.get("standard") };
  for (const [operation, group] of Object.entries(operationGroups)) {
    limiterOf[operation] = limiters.get(group);
    if (!limiterOf[operation]) {
      throw new ConfigurationError(
        `Operation "${operation}" uses rate-limit group "${group}", which is not defined`,
      );
    }
  }
  const groupOf = new Map([...limiters].map(([group, limiter]) => [limiter, group]));
  const deadline = createDeadlines();
  const request = api.request as (method: string, path: string, init?: Init) => Promise<Result>;

  async function call(method: string, path: string, init?: Init): Promise<Result> {
    const maxRetries = checked(init, "maxRetries") ?? config.maxRetries;
    const timeoutMs = checked(init, "timeout") ?? config.timeout;
    const throttle = checked(init, "throttle") ?? config.throttle;
    const operation = { method, path };
    const limiter = throttle === false ? undefined : (limiterOf[`${method} ${path}`] ?? limiterOf[""]);
    const repeatable = idempotent.has(method) || init?.retryNonIdempotent === true;
    const userSignal = init?.signal ?? undefined;
    // A streamed body is the caller's: its timeout stops at the headers, the caller's signal stays linked.
    const stream = init?.parseAs === "stream";

    for (let retry = 0; ; retry++) {
      userSignal?.throwIfAborted();
      let release = limiter?.tryAcquire();
      if (limiter && !release) {
        if (throttle === "fail") {
          const group = groupOf.get(limiter);
          throw new ThrottledError(
            operation,
            Math.ceil(Math.min(limiter.waitMs(), limiter.windowMs)),
            `${group}: ${limiter.limit} requests per ${limiter.windowMs / 1000} s`,
          );
        }
        release = await limiter.acquire(userSignal);
      }
      const attempt = deadline(timeoutMs, userSignal, stream);
      let result: Result | undefined;
      let failure: unknown;
      try {
        result = await request(method, path, attempt.signal ? { ...init, signal: attempt.signal } : init);
      } catch (error) {
        failure = userSignal?.aborted
          ? userSignal.reason
          : attempt.timedOut()
            ? new TimeoutError(operation, timeoutMs)
            : error instanceof CodegenError
              ? error
              : new ConnectionError(`${method} ${path} failed: ${describeCause(error)}`, {
                  operation,
                  cause: error,
                });
      } finally {
        attempt.end(stream);
        release?.();
      }

      let reason: string;
      let delayMs = backoff(retry + 1, config.baseMs, config.maxMs);
      let status: number | undefined;
      if (!result) {
        if (!(failure instanceof ConnectionError) || !repeatable || retry >= maxRetries) throw failure;
        reason = `${failure.name}: ${failure.message}`;
      } else {
        status = result.response.status;
        if (retry >= maxRetries || !(status === 429 || (repeatable && (status === 408 || status >= 500)))) {
          return result;
        }
        const retryAfterMs = parseRetryAfter(result.response.headers.get("retry-after"));
        // A server asking for a longer pause than we accept gets its answer back now rather than a hung caller.
        if (retryAfterMs! > config.maxRetryAfterMs) return result;
        delayMs = retryAfterMs ?? delayMs;
        reason =
          retryAfterMs === undefined ? `HTTP ${status}` : `HTTP ${status} (Retry-After ${retryAfterMs} ms)`;
      }
      config.onRetry?.({
        attempt: retry + 1,
        delayMs,
        reason,
        ...(result ? { status } : { error: failure as Error }),
        method,
        // Built from the call, never from a Request: no query string, no headers.
        url:
          (init?.baseUrl ?? baseUrl).replace(/\/+$/, "") +
          path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
            encodeURIComponent(String(init?.params?.path?.[name] ?? whole)),
          ),
        operation,
      });
      await sleep(delayMs, userSignal);
    }
  }

  const wrapped: Record<string, unknown> = { ...(api as object) };
  wrapped.request = (method: string, path: string, init?: Init) => call(method.toUpperCase(), path, init);
  for (const method of METHODS) wrapped[method] = (path: string, init?: Init) => call(method, path, init);
  return wrapped as C;
}

/** Full jitter (AWS "Exponential Backoff and Jitter"): spreads the retries of many clients over the whole window. */
function backoff(retry: number, baseMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** (retry - 1));
}

/** "fetch failed" says nothing; undici puts the useful part ("ECONNRESET", "other side closed") in `cause`. */
function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail = [cause?.code, cause?.message].filter((part) => typeof part === "string" && part).join(" ");
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
}

/** Sleeps `ms`, rejecting with the signal's reason as soon as it aborts (also the helpers' system clock). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
