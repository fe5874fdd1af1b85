/**
 * The resilience layer, around openapi-fetch's call methods (not under them, as a `fetch`): a call names its
 * operation by the path template it was made with, so throttling needs no URL matching, timeouts and errors name
 * the operation, and a retry replays the whole call: openapi-fetch serializes the body again (nothing to buffer)
 * and a body that breaks while openapi-fetch parses it (reset, stall, truncated or invalid JSON) fails this
 * attempt, so a safe request is retried and the rest get a `ConnectionError`.
 */
import { defaultPathSerializer, type Client } from "openapi-fetch";
import { CodegenError, ConnectionError, parseRetryAfter, ThrottledError, TimeoutError } from "../errors.js";
import * as deadlines from "./deadlines.js";
import { rulesOf } from "./limits.js";
import { checked, resolveOptions, type RequestResilienceOptions, type ResilienceOptions } from "./options.js";
import type { RateLimiter } from "./store.js";
import { sleep } from "./sleep.js";
import { SlidingWindowLimiter } from "./throttle.js";
import { authorized, createTransport, describing, type Authorize, type Transport } from "./transport.js";

export type {
  RateLimitTable,
  RequestResilienceOptions,
  ResilienceOptions,
  RetryEvent,
  ThrottleMode,
} from "./options.js";
export type { RateLimitGroup, RateLimiter, RateLimitStore } from "./store.js";
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
 * calls), a per-attempt timeout and safe retries. Options are checked here, once; what only calls need (a
 * group's limiter, a timeout's timer) is created by the calls. The call methods are closures, so they work
 * detached (`const { GET } = client`), as openapi-fetch's do.
 */
export function withResilience<C extends Client<any>>(
  createApi: (transport: Transport) => C,
  baseUrl: string,
  options: ResilienceOptions = {},
  /** Called with every request as it leaves, after middleware, whichever fetch sends it (adds the token). */
  authorize?: Authorize,
  /** The API token: a `rateLimitStore` shares the budget of the account it names. */
  token = "",
): C {
  const config = resolveOptions(options);
  const rules = rulesOf(options.rateLimits);
  // A group's limiter is created by the first call that needs it (most clients call a few groups, and a limiter
  // holds a timestamp per request its window admits), and stored at once: every later call of the group,
  // concurrent ones included, shares it and its window.
  let limiters: RateLimiter[] | undefined;
  const store = options.rateLimitStore;
  const customFetch = !!options.fetch;
  const { onRetry } = options;
  // With middleware (the client's or the call's) or a per-call `fetch` or `Request`, a real Request is built and
  // the attempt's signal rides on it, in the call's init.
  let middleware = false;
  const api = createApi(createTransport(options.fetch, authorize));
  const send = api.request as (method: string, path: string, init?: Init) => Promise<Result>;

  async function call(method: string, path: string, init: Init = {}): Promise<Result> {
    const maxRetries = checked("maxRetries", init.maxRetries) ?? config.maxRetries;
    const timeoutMs = checked("timeout", init.timeout) ?? config.timeout;
    const throttle = checked("throttle", init.throttle) ?? config.throttle;
    const operation = { method, path };
    const rule = throttle === false ? undefined : (rules.get(`${method} ${path}`) ?? rules.get(""));
    const limiter =
      rule &&
      ((limiters ??= [])[rule.slot] ??= store
        ? store.limiter(rule, token)
        : new SlidingWindowLimiter(rule.limit, rule.windowMs, rule.group));
    const repeatable = idempotent.test(method) || init.retryNonIdempotent === true;
    const userSignal = init.signal ?? undefined;
    // A streamed body is the caller's: its timeout stops at the headers, the caller's signal stays linked.
    const stream = init.parseAs === "stream";
    // Described unless someone reads the Request (middleware is checked per attempt: it may be added meanwhile);
    // a fetch not ours is raced.
    const ownRequest = !(init.fetch || init.Request || init.middleware?.length);
    const race = customFetch || !!init.fetch;
    // A per-call fetch replaces the client's in openapi-fetch: the request still goes through `authorize`.
    const perCallFetch = init.fetch as ((request: Request) => Promise<Response>) | undefined;
    if (perCallFetch)
      init = { ...init, fetch: (request: Request) => perCallFetch(authorized(request, authorize)) };

    for (let retry = 0; ; retry++) {
      userSignal?.throwIfAborted();
      let release = limiter?.tryAcquire();
      // The in-process limiter answers at once: only a shared store's answer costs the call an await.
      if (release instanceof Promise) release = await release;
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
          : cohort?.signal.reason === deadlines.expired
            ? new TimeoutError(operation, timeoutMs)
            : error instanceof CodegenError
              ? error
              : new ConnectionError(`${method} ${path} failed: ${describeCause(error)}`, {
                  operation,
                  cause: error,
                });
      } finally {
        if (cohort) deadlines.end(cohort, stream);
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
      onRetry?.({
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

  return {
    request: (method: string, path: string, init?: Init) => call(method.toUpperCase(), path, init),
    GET: (path: string, init?: Init) => call("GET", path, init),
    PUT: (path: string, init?: Init) => call("PUT", path, init),
    POST: (path: string, init?: Init) => call("POST", path, init),
    DELETE: (path: string, init?: Init) => call("DELETE", path, init),
    OPTIONS: (path: string, init?: Init) => call("OPTIONS", path, init),
    HEAD: (path: string, init?: Init) => call("HEAD", path, init),
    PATCH: (path: string, init?: Init) => call("PATCH", path, init),
    TRACE: (path: string, init?: Init) => call("TRACE", path, init),
    use: (...list: Parameters<C["use"]>) => {
      middleware = true;
      api.use(...list);
    },
    eject: api.eject,
  } as unknown as C;
}

/** "fetch failed" says nothing; undici puts the useful part ("ECONNRESET", "other side closed") in `cause`. */
function describeCause(error: any): string {
  const detail = [error?.cause?.code, error?.cause?.message].filter(
    (part) => typeof part == "string" && part,
  );
  return `${error instanceof Error ? error.message : error}${detail.length ? ` (${detail.join(" ")})` : ""}`;
}
