import { CodegenError, ConnectionError, TimeoutError, type OperationRef } from "../errors.js";

export interface Attempt {
  baseFetch: typeof fetch;
  /** The caller's request; its `signal` is the user's. Its body was already read into `body`. */
  request: Request;
  /** The request body, buffered once so that every attempt sends the same bytes. */
  body: ArrayBuffer | null;
  /** openapi-fetch's `requestInitExt` (e.g. an undici dispatcher), passed on with each attempt's init. */
  extra: RequestInit | undefined;
  timeoutMs: number;
  operation: OperationRef;
  /** Called as soon as the server answered or the attempt failed (frees the rate-limit slot). */
  settled: () => void;
}

/**
 * One attempt under its own timeout, linked to the user's signal. The timeout also covers reading the body:
 * openapi-fetch reads it only after `fetch` returns, so a response that stalls mid-body would otherwise hang.
 * Error answers, JSON and text (small, read whole by openapi-fetch) are therefore read here, inside the attempt,
 * and handed back as a fresh Response; a body cut off mid-way is then a connection error of this attempt, which a
 * GET can retry. Other bodies (streams, binaries) are the caller's: the timer stops at the headers, and the user's
 * signal stays linked so that their abort still cancels the stream.
 *
 * Rejects with the user's abort reason as is, a `TimeoutError`, or a `ConnectionError` carrying the cause.
 */
export async function runAttempt(attempt: Attempt): Promise<Response> {
  const { request, timeoutMs, operation } = attempt;
  const userSignal = request.signal;
  if (userSignal.aborted) throw userSignal.reason;

  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (timeoutMs !== Number.POSITIVE_INFINITY) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new TimeoutError(operation, timeoutMs));
    }, timeoutMs);
  }
  const forwardAbort = () => controller.abort(userSignal.reason);
  userSignal.addEventListener("abort", forwardAbort, { once: true });

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
  };
  const finish = () => {
    stopTimer();
    userSignal.removeEventListener("abort", forwardAbort);
  };
  const failure = (error: unknown): unknown => {
    if (userSignal.aborted) return userSignal.reason;
    if (timedOut) return new TimeoutError(operation, timeoutMs);
    if (error instanceof CodegenError) return error;
    return new ConnectionError(`${operation.method} ${operation.path} failed: ${describeCause(error)}`, {
      operation,
      cause: error,
    });
  };

  let response: Response;
  try {
    // The attempt's signal and body go in the init rather than in a new Request: undici links a Request's
    // signal to its source through a WeakRef, so an intermediate Request nobody holds can be garbage-collected
    // mid-flight, and the abort (our timeout) would then never reach the connection.
    const init: RequestInit = attempt.extra
      ? { ...attempt.extra, signal: controller.signal }
      : { signal: controller.signal };
    if (attempt.body) init.body = attempt.body;
    response = await attempt.baseFetch(request, init);
  } catch (error) {
    finish();
    throw failure(error);
  } finally {
    attempt.settled();
  }

  const { headers } = response;
  const empty = response.body === null || headers.get("content-length") === "0";
  if (!empty && (!response.ok || isTextual(headers))) {
    try {
      return copyWithBody(response, await response.arrayBuffer());
    } catch (error) {
      throw failure(error);
    } finally {
      finish();
    }
  }
  if (empty) finish();
  else stopTimer();
  return response;
}

/** JSON and text are read whole by openapi-fetch; an event stream is not. No type: openapi-fetch reads text. */
function isTextual(headers: Headers): boolean {
  const type = headers.get("content-type");
  if (type === null) return true;
  return type.includes("json") || (type.startsWith("text/") && !type.startsWith("text/event-stream"));
}

function copyWithBody(response: Response, body: ArrayBuffer): Response {
  const copy = new Response(body, response);
  // `url` is read-only on Response and empty on a constructed one; keep the real one for callers who log it.
  if (response.url) Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/** "fetch failed" says nothing; undici puts the useful part ("ECONNRESET", "other side closed") in `cause`. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (cause && typeof cause === "object") {
    const detail = [cause.code, cause.message].filter((part) => typeof part === "string" && part).join(" ");
    if (detail) return `${error.message} (${detail})`;
  }
  return error.message;
}

/** Sleeps `ms`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
