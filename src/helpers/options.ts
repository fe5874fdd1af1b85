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

/**
 * One documented operation as a helper call: `send(build, options)` fills in the organization (for org-scoped
 * paths), sends params, body and the per-request options, and resolves to the data or throws the typed error.
 * Every helper is one of these, so the per-operation code is a path and a few parameters.
 */
export function operation<P extends keyof paths, M extends Method & keyof paths[P]>(
  core: CoreClient,
  method: M,
  path: P,
) {
  const ref = { method: method.toUpperCase(), path };
  const request = core.api.request as (method: string, path: string, init: object) => Promise<never>;
  const send = (build: Build, options?: RequestOptions): Promise<ResponseJson<P, M>> => {
    // Undefined options never shadow the client's defaults; orgId is the helper's, not the request's.
    const { signal, timeout, maxRetries } = options ?? {};
    return unwrap(
      request(method, path, {
        ...build(org(options)),
        ...(signal && { signal }),
        ...(timeout !== undefined && { timeout }),
        ...(maxRetries !== undefined && { maxRetries }),
      }),
      ref,
    );
  };
  const org = (options?: RequestOptions) => () => requireOrgId(core, options?.orgId);
  return Object.assign(send, { ref, org });
}

export type Operation<Data> = ((build: Build, options?: RequestOptions) => Promise<Data>) & {
  ref: { method: string; path: string };
  org: (options?: RequestOptions) => () => number;
};
