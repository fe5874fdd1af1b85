/** How a request leaves: sent as `fetch(request)` or `fetch(url, init)`. */
export type Fetch = (input: string | Request, init?: RequestInit) => Promise<Response>;

/**
 * What openapi-fetch's client is created with: the fetch it sends with and the Request it builds. What reaches
 * that fetch has a Request's `url`, `method` and `headers` (mutable, for headers added as the request leaves).
 */
export interface Transport {
  fetch: (request: Request) => Promise<Response>;
  Request: typeof Request;
}

/**
 * A request as openapi-fetch describes it (URL and init), handed to fetch as `fetch(url, init)`: building a
 * `Request` costs undici an AbortSignal (~3 µs of a ~25 µs call) and fetch builds its own from it anyway, so
 * one is built only for those who read it (middleware, a per-call `fetch` or `Request`).
 */
class Described {
  readonly method: string | undefined;
  /** openapi-fetch's merged headers, as a Request would carry them. */
  readonly headers: Headers;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method;
    this.headers = init.headers as Headers;
  }
}

/**
 * The transport of one client. `fetchWith` sends; `beforeSend` sees every request as it leaves, after
 * middleware (it adds the token). openapi-fetch gets a Request constructor that builds a real Request unless
 * the call was started through `describing`: openapi-fetch builds its Request synchronously when a call starts,
 * so a flag set around that start reaches the constructor, and so does the attempt's signal.
 */
export function createTransport(fetchWith: Fetch, beforeSend?: (request: Request) => void) {
  let describe = false;
  let handoff: AbortSignal | undefined;
  function RequestOrDescribed(url: string, init: RequestInit) {
    if (!describe) return new Request(url, init);
    if (handoff) init.signal = handoff;
    return new Described(url, init);
  }
  // openapi-fetch checks what middleware returns with `instanceof` this constructor: real Requests must pass.
  RequestOrDescribed.prototype = Request.prototype;
  const transport: Transport = {
    fetch: (request: Request | Described) => {
      beforeSend?.(request as Request);
      return request instanceof Described ? fetchWith(request.url, request.init) : fetchWith(request);
    },
    Request: RequestOrDescribed as unknown as typeof Request,
  };
  return {
    transport,
    /** Starts an openapi-fetch call (`start`) whose request is described, with `signal` in its init. */
    describing<T>(signal: AbortSignal | undefined, start: () => T): T {
      describe = true;
      handoff = signal;
      try {
        return start();
      } finally {
        describe = false;
        handoff = undefined;
      }
    },
  };
}
