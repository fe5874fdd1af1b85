import {
  ConfigurationError,
  ConnectionError,
  parseRetryAfter,
  ThrottledError,
  type OperationRef,
} from "../errors.js";
import { createOperationMatcher } from "./operations-match.js";
import {
  readRequestOptions,
  resolveOptions,
  type RateLimitTable,
  type ResilienceOptions,
  type RetryEvent,
} from "./options.js";
import { backoffDelay, isIdempotent, isRetryableStatus } from "./retry.js";
import { createLimiters, type ReleaseSlot, type SlidingWindowLimiter } from "./throttle.js";
import { runAttempt, sleep } from "./timeout.js";

/** Operations missing from the table (new endpoints, other paths) count against the general limit. */
const fallbackGroup = "standard";

/**
 * Wraps `baseFetch` with throttling, per-attempt timeouts and safe retries. Everything that can be prepared once
 * (options, operation matchers, limiters) is prepared here; a request only looks up its template and runs.
 */
export function createResilientFetchFrom(
  baseFetch: typeof fetch,
  options: ResilienceOptions,
  rateLimits: RateLimitTable,
): typeof fetch {
  const config = resolveOptions(options);
  checkRateLimits(rateLimits);
  const matchOperation = createOperationMatcher(rateLimits.operationGroups, {
    baseUrl: options.baseUrl,
    fallbackGroup,
  });
  const limiterFor = createLimiters(rateLimits.rateLimitGroups);

  async function acquireSlot(
    group: string,
    mode: "wait" | "fail",
    signal: AbortSignal,
    operation: OperationRef,
  ): Promise<ReleaseSlot | undefined> {
    const limiter = limiterFor(group);
    if (!limiter) return undefined;
    if (mode === "wait") return limiter.acquire(signal);
    const slot = limiter.tryAcquire();
    if (slot) return slot;
    throw new ThrottledError(
      operation,
      Math.ceil(Math.min(limiter.waitMs(), limiter.windowMs)),
      describe(group, limiter),
    );
  }

  return async function resilientFetch(input, init) {
    const isRequest = input instanceof Request;
    const request = isRequest ? input : new Request(input, init);
    const perRequest = readRequestOptions(isRequest ? input : init);
    const method = request.method;
    const { operation, group } = matchOperation(method, request.url);
    const maxRetries = perRequest.maxRetries ?? config.maxRetries;
    const timeoutMs = perRequest.timeout ?? config.timeout;
    const throttle = perRequest.throttle ?? config.throttle;
    const repeatable = isIdempotent(method) || perRequest.retryNonIdempotent === true;
    const signal = request.signal;
    const body = request.body === null ? null : await request.arrayBuffer();

    for (let retry = 0; ; retry++) {
      const slot = throttle === false ? undefined : await acquireSlot(group, throttle, signal, operation);
      let response: Response;
      try {
        response = await runAttempt({
          baseFetch,
          request,
          body,
          extra: isRequest ? init : undefined,
          timeoutMs,
          operation,
          settled: slot ?? noop,
        });
      } catch (error) {
        if (!(error instanceof ConnectionError) || !repeatable || retry >= maxRetries) throw error;
        const delayMs = backoffDelay(retry + 1, config.backoffBaseMs, config.backoffMaxMs);
        config.onRetry?.(
          retryEvent(retry + 1, delayMs, `${error.name}: ${error.message}`, request, operation, { error }),
        );
        await sleep(delayMs, signal);
        continue;
      }

      const { status } = response;
      if (retry >= maxRetries || !isRetryableStatus(status, repeatable)) return response;
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      // A server asking for a longer pause than we accept gets its answer back now rather than a hung caller.
      if (retryAfterMs !== undefined && retryAfterMs > config.maxRetryAfterMs) return response;
      const delayMs = retryAfterMs ?? backoffDelay(retry + 1, config.backoffBaseMs, config.backoffMaxMs);
      const reason =
        retryAfterMs === undefined ? `HTTP ${status}` : `HTTP ${status} (Retry-After ${retryAfterMs} ms)`;
      config.onRetry?.(retryEvent(retry + 1, delayMs, reason, request, operation, { status }));
      await sleep(delayMs, signal);
    }
  };
}

function noop(): void {}

function retryEvent(
  attempt: number,
  delayMs: number,
  reason: string,
  request: Request,
  operation: OperationRef,
  extra: { status?: number; error?: Error },
): RetryEvent {
  return { attempt, delayMs, reason, ...extra, method: request.method, url: safeUrl(request.url), operation };
}

/** Origin and path only: query strings and userinfo may carry secrets. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.origin + parsed.pathname;
}

function describe(group: string, limiter: SlidingWindowLimiter): string {
  return `${group}: ${limiter.limit} requests per ${limiter.windowMs / 1000} s`;
}

function checkRateLimits({ rateLimitGroups, operationGroups }: RateLimitTable): void {
  for (const [group, rule] of Object.entries(rateLimitGroups)) {
    if (!Number.isInteger(rule.limit) || rule.limit < 1 || !(rule.windowMs > 0)) {
      throw new ConfigurationError(
        `Rate-limit group "${group}" needs a whole limit ≥ 1 and windowMs > 0, got ${JSON.stringify(rule)}`,
      );
    }
  }
  for (const [operation, group] of Object.entries(operationGroups)) {
    if (!(group in rateLimitGroups)) {
      throw new ConfigurationError(
        `Operation "${operation}" uses rate-limit group "${group}", which is not defined`,
      );
    }
  }
}
