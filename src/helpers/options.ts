import { requireOrgId, unwrap, type CoreClient } from "../core.js";
import type { paths } from "../generated/schema.js";
import type { ResponseJson } from "./types.js";

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

type Method = "get" | "post" | "put" | "patch";
/** The call's params and body; `org()` is the organization the call acts on (or a clear error). */
export type Build = (org: () => number) => { params?: object; body?: unknown };

export type Operation<Data> = ((build: Build, options?: RequestOptions) => Promise<Data>) & {
  /** "METHOD /path/{template}", for messages. */
  readonly operation: string;
  /** The organization resolver of a call with these options. */
  org(options?: RequestOptions): () => number;
};

/**
 * One documented operation as a helper call: `send(build, options)` fills in the organization (for org-scoped
 * paths), sends params, body and the per-request options, and resolves to the data or throws the typed error.
 * Every helper is one of these, so the per-operation code is a path and a few parameters.
 */
export function operation<P extends keyof paths, M extends Method & keyof paths[P]>(
  core: CoreClient,
  method: M,
  path: P,
): Operation<ResponseJson<P, M>> {
  const ref = { method: method.toUpperCase(), path };
  const request = core.api.request as (method: string, path: string, init: object) => Promise<never>;
  const org = (options?: RequestOptions) => () => requireOrgId(core, options?.orgId);
  const send = (build: Build, options: RequestOptions = {}) => {
    const init: Record<string, unknown> = build(org(options));
    // Only what was given: an undefined option must not shadow the client's default.
    for (const key of ["signal", "timeout", "maxRetries"] as const)
      if (options[key] !== undefined) init[key] = options[key];
    return unwrap<ResponseJson<P, M>>(request(method, path, init), ref);
  };
  return Object.assign(send, { operation: `${ref.method} ${path}`, org });
}
