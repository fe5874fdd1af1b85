/** Options every helper takes as its last argument. */
export interface RequestOptions {
  /** The organization to act on; defaults to the client's `orgId`. */
  orgId?: number;
  /** Aborts the call; the signal's reason is rethrown as it is. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (the client's default when omitted). */
  timeout?: number;
  /** Retries for this call (the client's default when omitted). */
  maxRetries?: number;
}

/**
 * The part of the options that goes into openapi-fetch's init. openapi-fetch copies keys it does not know
 * (timeout, maxRetries) onto the Request, which is how they reach the client's resilience layer.
 * Undefined values are dropped so they never shadow the client's defaults.
 */
export function requestInit(options: RequestOptions | undefined): Omit<RequestOptions, "orgId"> {
  const init: Omit<RequestOptions, "orgId"> = {};
  if (options?.signal !== undefined) init.signal = options.signal;
  if (options?.timeout !== undefined) init.timeout = options.timeout;
  if (options?.maxRetries !== undefined) init.maxRetries = options.maxRetries;
  return init;
}
