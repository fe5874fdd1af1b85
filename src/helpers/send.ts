import { requireOrgId, unwrap, type CoreClient } from "../core.js";

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
 * One call of a documented operation, as the generated helpers describe it: the path and query parameters and
 * the body the caller gave, and where the organization id goes when not in the path (a route with `{org_id}`
 * takes it there): `org_id` in the query or in the body.
 */
export interface CallParts {
  org?: "query" | "body";
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Sends `route` ("METHOD /path/template") with the parts and the per-request options, and resolves to the answer's
 * data or throws the typed error. The organization is resolved before anything is sent, so a missing one throws
 * at the call. The one request path of every helper, generated or hand-written.
 */
export function send<T>(
  core: CoreClient,
  route: string,
  parts: CallParts,
  options: RequestOptions = {},
  /** "object": the caller reads the answer's fields, so `null` is an `UnexpectedResponseError`. */
  answer?: "object",
): Promise<T> {
  const [method, path] = splitRoute(route);
  const init: Record<string, unknown> = withOrg(core, path, parts, options);
  // Only what was given: an undefined option must not shadow the client's default.
  for (const key of ["signal", "timeout", "maxRetries"] as const)
    if (options[key] !== undefined) init[key] = options[key];
  const request = core.api.request as (method: string, path: string, init: object) => Promise<never>;
  return unwrap<T>(request(method, path, init), { method, path }, answer);
}

/** openapi-fetch's `{ params, body }` of a call, with the organization filled in where the operation takes it. */
function withOrg(
  core: CoreClient,
  route: string,
  { org, path, query, body }: CallParts,
  options: RequestOptions,
) {
  if (takesOrg(route, org)) {
    const orgId = requireOrgId(core, options.orgId);
    if (org === "query") query = { ...query, org_id: orgId };
    else if (org === "body") body = { org_id: orgId, ...(body as object) };
    else path = { ...path, org_id: orgId };
  }
  return { params: { path, query }, body };
}

/** Whether a call of `route` carries the organization id: in its path (`{org_id}`), or where `org` says. */
export function takesOrg(route: string, org: CallParts["org"]): boolean {
  return org !== undefined || route.includes("{org_id}");
}

export function splitRoute(route: string): [method: string, path: string] {
  const space = route.indexOf(" ");
  return [route.slice(0, space), route.slice(space + 1)];
}

/** A body whose `org_id` the client fills in (the call's `orgId`, else the client's) unless it is given. */
export type WithoutOrg<Body> = Omit<Body, "org_id"> & { org_id?: number };
