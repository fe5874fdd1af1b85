/**
 * Which answers are worth another attempt. The Codegen API has no idempotency keys, so a request that may have
 * run on the server is repeated only when repeating it is harmless.
 */

/** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2). */
const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

export function isIdempotent(method: string): boolean {
  return idempotentMethods.has(method);
}

/**
 * 429 means the server refused the request without running it: always safe to send again.
 * 408 and 5xx may come after the work was done (a POST that created an agent run, then a proxy's 502),
 * so they are retried only for requests that are safe to repeat.
 */
export function isRetryableStatus(status: number, repeatable: boolean): boolean {
  if (status === 429) return true;
  return repeatable && (status === 408 || status >= 500);
}

/** Full jitter (AWS "Exponential Backoff and Jitter"): spreads the retries of many clients over the whole window. */
export function backoffDelay(retry: number, baseMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** (retry - 1));
}
