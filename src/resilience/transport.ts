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

// While `describing` starts a call: the attempt's signal, or null without one; undefined otherwise. openapi-fetch
// builds its Request synchronously when a call starts, so nothing else runs in between: this serves every client,
// and no client carries a constructor of its own.
let handoff: AbortSignal | null | undefined;

/** The Request openapi-fetch builds: a real one, unless the call was started through `describing`. */
function RequestOrDescribed(url: string, init: RequestInit) {
  if (handoff === undefined) return new Request(url, init);
  if (handoff) init.signal = handoff;
  return new Described(url, init);
}

/** Looked up at call time, so polyfills apply. */
const globalFetch: Fetch = (input, init) => fetch(input, init);

/**
 * The headers a request leaves with, when they differ from the ones it was built with: a copy, so that the
 * Request openapi-fetch holds (and hands to middleware, onResponse and onError included) never carries them.
 */
export type Authorize = (url: string, headers: Headers) => Headers | undefined;

/** `request`, or a copy of it with the headers `authorize` adds. */
export function authorized(request: Request, authorize: Authorize | undefined): Request {
  const headers = authorize?.(request.url, request.headers);
  return headers ? new Request(request, { headers }) : request;
}

/**
 * The transport of one client: its one closure. `fetchWith` sends; `authorize` sees every request as it leaves,
 * after middleware (it adds the token to what goes on the wire only).
 */
export function createTransport(fetchWith: Fetch = globalFetch, authorize?: Authorize): Transport {
  // openapi-fetch checks what middleware returns with `instanceof` this constructor: real Requests must pass. Set
  // here, not when the module loads: importing stays free of side effects, the Request of a polyfill installed
  // since is the one used, and a runtime that loads its fetch lazily (Node) does so now, not in a first call's
  // timeout.
  RequestOrDescribed.prototype = Request.prototype;
  return {
    fetch: (request: Request | Described) => {
      if (!(request instanceof Described)) return fetchWith(authorized(request, authorize));
      const headers = authorize?.(request.url, request.headers);
      return fetchWith(request.url, headers ? { ...request.init, headers } : request.init);
    },
    Request: RequestOrDescribed as unknown as typeof Request,
  };
}

/**
 * Starts an openapi-fetch call (`start`) whose request is described, with `signal` in its init. The outer state
 * is restored after, not cleared: a serializer may start another call while this one starts.
 */
export function describing<T>(signal: AbortSignal | undefined, start: () => T): T {
  const outer = handoff;
  handoff = signal ?? null;
  try {
    return start();
  } finally {
    handoff = outer;
  }
}
