/**
 * The resilience layer, around openapi-fetch's call methods (not under them, as a `fetch`): a call names its
 * operation by the path template it was made with, so throttling needs no URL matching, timeouts and errors name
 * the operation, and a retry replays the whole call: openapi-fetch serializes the body again (nothing to buffer)
 * and a body that breaks while openapi-fetch parses it (reset, stall, truncated or invalid JSON) fails this
 * attempt, so a safe request is retried and the rest get a `ConnectionError`.
 */
import { defaultPathSerializer, type Client } from "openapi-fetch";
import {
  CodegenError,
  ConfigurationError,
  ConnectionError,
  parseRetryAfter,
  ThrottledError,
  TimeoutError,
} from "../errors.js";
import { rateLimits } from "../generated/operations.js";
import { createDeadlines, expired } from "./deadlines.js";
import { checked, resolveOptions, type RequestResilienceOptions, type ResilienceOptions } from "./options.js";
import { SlidingWindowLimiter } from "./throttle.js";
import { createTransport, type Fetch, type Transport } from "./transport.js";

export type {
  RateLimitTable,
  RequestResilienceOptions,
  ResilienceOptions,
  RetryEvent,
  ThrottleMode,
} from "./options.js";
export type { Transport } from "./transport.js";

/** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2): retried after 408/5xx/network errors. */
const idempotent = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/;

type Init = RequestResilienceOptions & {
  signal?: AbortSignal | null;
  parseAs?: string;
  baseUrl?: string;
  fetch?: unknown;
  Request?: unknown;
  middleware?: unknown[];
  params?: { path?: Record<string, unknown> };
};
type Result = { response: Response };

/**
 * `api` with every call method wrapped by throttling (per documented rate-limit group, shared by the client's
 * calls), a per-attempt timeout and safe retries. Everything that can be is prepared here, once.
 */
export function withResilience<C extends Client<any>>(
  createApi: (transport: Transport) => C,
  baseUrl: string,
  options: ResilienceOptions = {},
  /** Called with every request as it leaves, after middleware, whichever fetch sends it (adds the token). */
  beforeSend?: (request: Request) => void,
): C {
  const config = resolveOptions(options);
  const limiterOf: Record<string, SlidingWindowLimiter | undefined> = {};
  for (const [group, { limit, windowMs, operations = [] }] of Object.entries(
    options.rateLimits ?? rateLimits,
  )) {
    if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0))
      throw new ConfigurationError(`Rate-limit group "${group}" needs a whole limit ≥ 1 and windowMs > 0`);
    const limiter = new SlidingWindowLimiter(limit, windowMs, group);
    for (const operation of operations) limiterOf[operation] = limiter;
    // "" stands for every operation no group lists.
    if (group === "standard") limiterOf[""] = limiter;
  }
  const deadlines = createDeadlines();
  const fetchWith: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const customFetch = !!options.fetch;
  const { transport, describing } = createTransport(fetchWith, beforeSend);
  // With middleware (the client's or the call's) or a per-call `fetch` or `Request`, a real Request is built and
  // the attempt's signal rides on it, in the call's init.
  let middleware = false;
  const api = createApi(transport);
  const send = api.request as (method: string, path: string, init?: Init) => Promise<Result>;

  async function call(method: string, path: string, init: Init = {}): Promise<Result> {
    const maxRetries = checked("maxRetries", init.maxRetries) ?? config.maxRetries;
    const timeoutMs = checked("timeout", init.timeout) ?? config.timeout;
    const throttle = checked("throttle", init.throttle) ?? config.throttle;
    const operation = { method, path };
    const limiter = throttle === false ? undefined : (limiterOf[`${method} ${path}`] ?? limiterOf[""]);
    const repeatable = idempotent.test(method) || init.retryNonIdempotent === true;
    const userSignal = init.signal ?? undefined;
    // A streamed body is the caller's: its timeout stops at the headers, the caller's signal stays linked.
    const stream = init.parseAs === "stream";
    // Described unless someone reads the Request (middleware is checked per attempt: it may be added meanwhile);
    // a fetch not ours is raced.
    const ownRequest = !(init.fetch || init.Request || init.middleware?.length);
    const race = customFetch || !!init.fetch;
    // A per-call fetch replaces the client's in openapi-fetch: the request still goes through `beforeSend`.
    const perCallFetch = init.fetch as ((request: Request) => Promise<Response>) | undefined;
    if (perCallFetch)
      init = { ...init, fetch: (request: Request) => (beforeSend?.(request), perCallFetch(request)) };

    for (let retry = 0; ; retry++) {
      userSignal?.throwIfAborted();
      let release = limiter?.tryAcquire();
      if (limiter && !release) {
        if (throttle === "fail")
          throw new ThrottledError(
            operation,
            Math.ceil(limiter.waitMs() < Infinity ? limiter.waitMs() : limiter.windowMs),
            `${limiter.group}: ${limiter.limit} requests per ${limiter.windowMs / 1000} s`,
          );
        release = await limiter.acquire(userSignal);
      }
      const cohort = deadlines.begin(timeoutMs, userSignal, stream);
      let result: Result | undefined;
      let failure: unknown;
      try {
        const pending =
          ownRequest && !middleware
            ? describing(cohort?.signal, () =>
                send(method, path, init.signal ? { ...init, signal: undefined } : init),
              )
            : send(method, path, cohort ? { ...init, signal: cohort.signal } : init);
        // A custom fetch might ignore its init's signal: racing the signal, it still cannot outlive the timeout.
        result = await (race && cohort ? cohort.race(pending) : pending);
      } catch (error) {
        failure = userSignal?.aborted
          ? userSignal.reason
          : cohort?.signal.reason === expired
            ? new TimeoutError(operation, timeoutMs)
            : error instanceof CodegenError
              ? error
              : new ConnectionError(`${method} ${path} failed: ${describeCause(error)}`, {
                  operation,
                  cause: error,
                });
      } finally {
        if (cohort) deadlines.end(cohort, userSignal, stream);
        release?.();
      }

      let reason: string;
      let delayMs = Math.random() * Math.min(config.maxMs, config.baseMs * 2 ** retry); // full jitter
      const status = result?.response.status;
      if (!result) {
        if (!(failure instanceof ConnectionError && repeatable && retry < maxRetries)) throw failure;
        reason = `${failure.name}: ${failure.message}`;
      } else {
        if (!(status === 429 || (repeatable && (status === 408 || status! >= 500)))) return result;
        const retryAfterMs = parseRetryAfter(result.response.headers.get("retry-after"));
        // A 429's Retry-After holds the request's whole group (up to the longest pause we accept), so the
        // client's other requests do not walk into the same refusal.
        if (status === 429 && retryAfterMs) limiter?.pause(Math.min(retryAfterMs, config.maxRetryAfterMs));
        // A server asking for a longer pause than we accept gets its answer back now rather than a hung caller.
        if (retry >= maxRetries || retryAfterMs! > config.maxRetryAfterMs) return result;
        delayMs = retryAfterMs ?? delayMs;
        reason = `HTTP ${status}${retryAfterMs === undefined ? "" : ` (Retry-After ${retryAfterMs} ms)`}`;
      }
      options.onRetry?.({
        attempt: retry + 1,
        delayMs,
        reason,
        ...(result ? { status } : { error: failure as Error }),
        method,
        // Built from the call, never from a Request: no query string, no headers.
        url:
          (init.baseUrl ?? baseUrl).replace(/\/+$/, "") +
          defaultPathSerializer(path, init.params?.path ?? {}),
        operation,
      });
      await sleep(delayMs, userSignal);
    }
  }

  const wrapped: Record<string, unknown> = { ...(api as object) };
  wrapped.use = (...list: Parameters<C["use"]>) => {
    middleware = true;
    api.use(...list);
  };
  wrapped.request = (method: string, path: string, init?: Init) => call(method.toUpperCase(), path, init);
  for (const method of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"])
    wrapped[method] = (path: string, init?: Init) => call(method, path, init);
  return wrapped as C;
}

/** "fetch failed" says nothing; undici puts the useful part ("ECONNRESET", "other side closed") in `cause`. */
function describeCause(error: any): string {
  const detail = [error?.cause?.code, error?.cause?.message].filter(
    (part) => typeof part == "string" && part,
  );
  return `${error instanceof Error ? error.message : error}${detail.length ? ` (${detail.join(" ")})` : ""}`;
}

/** Sleeps `ms`, rejecting with the signal's reason as soon as it aborts (also the helpers' system clock). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort);
  });
}
