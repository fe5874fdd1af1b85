import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { ConfigurationError } from "./errors.js";
import type { CoreClient } from "./core.js";
import { createHelpers, type Helpers } from "./helpers/index.js";
import { createResilientFetch, type ResilienceOptions } from "./resilience/index.js";

/** Sent in `User-Agent` outside browsers; `test/client/version.test.ts` pins it to package.json. */
export const VERSION = "0.1.0";

export const DEFAULT_BASE_URL = "https://api.codegen.com";

export interface CodegenClientOptions extends Omit<ResilienceOptions, "baseUrl"> {
  /** API token, sent as `Authorization: Bearer …` to `baseUrl`'s origin only. Default: env `CODEGEN_API_TOKEN`. */
  token?: string;
  /** Default organization for helpers. Default: env `CODEGEN_ORG_ID`. */
  orgId?: number;
  /** Default: env `CODEGEN_API_BASE_URL`, else `https://api.codegen.com`. */
  baseUrl?: string;
  /** The fetch to send requests with. Default: `globalThis.fetch`, looked up at call time (so polyfills apply). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Prepended to `User-Agent` (e.g. "my-app/1.2"). */
  userAgent?: string;
}

/**
 * The typed openapi-fetch client (`client.GET("/v1/users/me")` resolves to `{ data, error, response }`)
 * plus the helpers (`client.agentRuns.create(…)`, `client.waitForAgentRun(…)`, …), which throw typed errors.
 */
export type CodegenClient = Client<paths> &
  Helpers & {
    /** The default organization (option `orgId`, env `CODEGEN_ORG_ID`), if any. */
    readonly orgId: number | undefined;
  };

type Env = Record<string, string | undefined>;

/** Browsers and edge runtimes have no `process`: read the environment only where it exists. */
function readEnv(): Env {
  return (globalThis as { process?: { env?: Env } }).process?.env ?? {};
}

/**
 * Resolves and validates every option once, so the per-request path only reads precomputed values.
 * Errors name the option and the environment variable, never the token's value.
 */
export function resolveOptions(options: CodegenClientOptions, env: Env = readEnv()) {
  const token = (options.token ?? env.CODEGEN_API_TOKEN ?? "").trim();
  if (!token) {
    throw new ConfigurationError(
      "Missing API token: pass `token` to createCodegenClient() or set the CODEGEN_API_TOKEN environment variable",
    );
  }
  // A header value with control characters makes `Headers` throw a TypeError that quotes the value:
  // reject it here with a message that does not.
  if (!/^[\t\x20-\x7e\x80-\xff]+$/.test(token)) {
    throw new ConfigurationError(
      "Invalid API token (option `token` / env CODEGEN_API_TOKEN): it contains characters not allowed in a header",
    );
  }

  const baseUrl = (options.baseUrl ?? env.CODEGEN_API_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  let origin: string;
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(url.protocol);
    origin = url.origin;
  } catch {
    throw new ConfigurationError(
      `Invalid base URL ${JSON.stringify(baseUrl)} (option \`baseUrl\` / env CODEGEN_API_BASE_URL): expected an http(s) URL`,
    );
  }

  return { token, baseUrl, origin, orgId: resolveOrgId(options.orgId, env.CODEGEN_ORG_ID) };
}

function resolveOrgId(option: number | undefined, envValue: string | undefined): number | undefined {
  if (option !== undefined) {
    if (!Number.isSafeInteger(option) || option <= 0) {
      throw new ConfigurationError(
        `Invalid option \`orgId\`: expected a positive integer, got ${String(option)}`,
      );
    }
    return option;
  }
  const text = envValue?.trim();
  if (!text) return undefined;
  const orgId = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(orgId) || orgId <= 0) {
    throw new ConfigurationError(
      `Invalid env CODEGEN_ORG_ID: expected a positive integer organization id, got ${JSON.stringify(text)}`,
    );
  }
  return orgId;
}

/**
 * Adds `Authorization` to requests for the configured origin only: a per-request `baseUrl` (or any other
 * URL) pointing elsewhere never sees the token. It runs innermost, after the resilience layer, so retries,
 * logs and hooks above it never hold the token; the value lives only in this closure.
 */
export function authorizeOrigin(next: typeof fetch, origin: string, token: string): typeof fetch {
  const authorization = `Bearer ${token}`;
  // "https://api.codegen.com/" and not just the origin: "https://api.codegen.com.evil.test" must not match.
  const prefix = `${origin}/`;
  return (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.url.startsWith(prefix) && !request.headers.has("authorization")) {
      request.headers.set("authorization", authorization);
    }
    return input instanceof Request ? next(request, init) : next(request);
  };
}

function defaultUserAgent(userAgent: string | undefined): string | undefined {
  // Browsers manage User-Agent themselves and a custom one would need CORS approval: send it elsewhere only.
  const inNodeLike = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  const ours = `codegen-api/${VERSION}`;
  if (userAgent) return `${userAgent} ${ours}`;
  return inNodeLike ? ours : undefined;
}

/** Parts shared with `createCodegenClient`: the transport-wrapped openapi-fetch client and its defaults. */
export function createCore(
  options: CodegenClientOptions,
  wrapTransport: (transport: typeof fetch, baseUrl: string) => typeof fetch,
) {
  const { token, baseUrl, origin, orgId } = resolveOptions(options);
  const userFetch = options.fetch;
  // Looked up per call, not captured: polyfills and interceptors installed later still apply.
  const baseFetch: typeof fetch = userFetch ?? ((input, init) => globalThis.fetch(input, init));
  const userAgent = defaultUserAgent(options.userAgent);
  const headers = { ...options.headers, ...(userAgent ? { "User-Agent": userAgent } : {}) };
  const api = createClient<paths>({
    baseUrl,
    headers,
    fetch: wrapTransport(authorizeOrigin(baseFetch, origin, token), baseUrl),
  });
  const core: CoreClient = { api, orgId };
  return core;
}

/**
 * The Codegen API client. Requests go: openapi-fetch → resilience (throttle, timeout, retry) → authorization
 * (configured origin only) → `fetch`. Everything is resolved here, once; a call only runs those layers.
 */
export function createCodegenClient(options: CodegenClientOptions = {}): CodegenClient {
  // The token must not reach the resilience layer (it could surface in its hooks): pass it only what it reads.
  const {
    token: _token,
    orgId: _orgId,
    fetch: _fetch,
    headers: _headers,
    userAgent: _userAgent,
    ...resilience
  } = options;
  const core = createCore(options, (transport, baseUrl) =>
    createResilientFetch(transport, { ...resilience, baseUrl }),
  );
  return { ...core.api, ...createHelpers(core), orgId: core.orgId };
}
