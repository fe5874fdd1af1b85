import createClient, { type Client, type FetchResponse, type MaybeOptionalInit } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { ConfigurationError } from "./errors.js";
import { createHelpers, type Helpers } from "./helpers/index.js";
import { withResilience, type RequestResilienceOptions, type ResilienceOptions } from "./resilience/index.js";

/** Sent in `User-Agent` outside browsers; `test/client/portability.test.ts` pins it to package.json. */
export const VERSION = "0.1.0";

export const DEFAULT_BASE_URL = "https://api.codegen.com";

const USER_AGENT = `codegen-api/${VERSION}`;

export interface CodegenClientOptions extends ResilienceOptions {
  /** API token, sent as `Authorization: Bearer …` to `baseUrl`'s origin only. Default: env `CODEGEN_API_TOKEN`. */
  token?: string;
  /** Default organization for helpers. Default: env `CODEGEN_ORG_ID`. */
  orgId?: number;
  /** Default: env `CODEGEN_API_BASE_URL`, else `https://api.codegen.com`. */
  baseUrl?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Prepended to `User-Agent` (e.g. "my-app/1.2"). */
  userAgent?: string;
}

type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type PathsWith<Spec extends {}, M extends Method> = {
  [P in keyof Spec]: Spec[P] extends Record<M, {}> ? P : never;
}[keyof Spec];
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
/** openapi-fetch's init, plus the per-request resilience options, typed (optional when nothing is required). */
type InitArg<Init> = [RequiredKeys<Init>] extends [never]
  ? [init?: Init & RequestResilienceOptions]
  : [init: Init & RequestResilienceOptions];
// `M & keyof Spec[P]` is `M` for every path that has the method: it only tells the compiler so, for any `Spec`.
type CallMethod<Spec extends {}, M extends Method> = <
  P extends PathsWith<Spec, M>,
  Init extends MaybeOptionalInit<Spec[P], M & keyof Spec[P]>,
>(
  url: P,
  ...init: InitArg<Init>
) => Promise<
  FetchResponse<
    Extract<Spec[P][M & keyof Spec[P]], Record<string | number, any>>,
    Init,
    `${string}/${string}`
  >
>;

/**
 * The call methods typed by an openapi-typescript `paths` type. Generic so that the client's typing can be tested
 * against a pinned fixture (test/fixtures/paths.ts) rather than today's docs, which change.
 */
export type TypedApi<Spec extends {}> = Omit<Client<Spec>, Uppercase<Method>> & {
  [M in Method as Uppercase<M>]: CallMethod<Spec, M>;
};

/**
 * The typed openapi-fetch client: `api.GET("/v1/users/me")` resolves to `{ data, error, response }`, and every
 * call takes the per-request options `timeout`, `maxRetries`, `retryNonIdempotent`, `throttle`.
 */
export type CodegenApi = TypedApi<paths> & {
  /** The default organization (option `orgId`, env `CODEGEN_ORG_ID`), if any. */
  readonly orgId: number | undefined;
};

/**
 * The raw client plus the helpers (`client.agentRuns.create(…)`, `client.waitForAgentRun(…)`, …), which throw
 * typed errors.
 */
export type CodegenClient = CodegenApi & Helpers;

type Env = Record<string, string | undefined>;

/**
 * The raw Codegen API client, without the helpers (a program that needs none bundles none). A call goes:
 * resilience (throttle, timeout, retry; around openapi-fetch) → openapi-fetch and its middleware → the token (to
 * the configured origin only) → `fetch`. Options are resolved and checked here, once; errors name the option and
 * the environment variable, never the token's value.
 */
export function createCodegenApi(options: CodegenClientOptions = {}): CodegenApi {
  // Browsers and edge runtimes have no `process`: read the environment only where it exists.
  const runtime = (globalThis as { process?: { env?: Env; versions?: { node?: string } } }).process;
  // Read only when its option is not given, and a refused read (Deno without --allow-env) counts as unset.
  const env = (name: string) => {
    try {
      return runtime?.env?.[name];
    } catch {}
  };
  const token = (options.token ?? env("CODEGEN_API_TOKEN") ?? "").trim();
  if (!token)
    throw new ConfigurationError("Missing API token: pass the `token` option or set CODEGEN_API_TOKEN");
  // `Headers` would throw a TypeError quoting the value: reject it here with a message that does not.
  if (!/^[\t\x20-\x7e\x80-\xff]+$/.test(token))
    throw new ConfigurationError("Invalid API token (`token` / CODEGEN_API_TOKEN): not a valid header value");
  const baseUrl = (options.baseUrl ?? env("CODEGEN_API_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  let origin: string | undefined;
  // Credentials would fail every call, with the password in the error: refused, and not quoted.
  let quoted = JSON.stringify(baseUrl);
  try {
    const url = new URL(baseUrl);
    if (url.username || url.password) quoted = "with credentials";
    else if (/^https?:$/.test(url.protocol)) origin = `${url.origin}/`;
  } catch {}
  if (!origin)
    throw new ConfigurationError(
      `Invalid base URL ${quoted} (\`baseUrl\` / CODEGEN_API_BASE_URL): expected an http(s) URL without credentials`,
    );
  const fromEnv = options.orgId === undefined ? env("CODEGEN_ORG_ID")?.trim() : undefined;
  const orgId = options.orgId ?? (fromEnv ? (/^\d+$/.test(fromEnv) ? Number(fromEnv) : NaN) : undefined);
  if (orgId !== undefined && !(Number.isSafeInteger(orgId) && orgId > 0))
    throw new ConfigurationError(
      `Invalid ${options.orgId === undefined ? `env CODEGEN_ORG_ID ${JSON.stringify(fromEnv)}` : `option \`orgId\` ${orgId}`}: expected a positive integer organization id`,
    );

  // Browsers manage User-Agent themselves (a custom one needs CORS approval): send ours elsewhere only.
  const userAgent = options.userAgent
    ? `${options.userAgent} ${USER_AGENT}`
    : runtime?.versions?.node && USER_AGENT;
  const headers = { ...options.headers, ...(userAgent && { "User-Agent": userAgent }) };
  // The token goes to the configured origin only (fetch drops it on cross-origin redirects too), and is added to
  // a copy of the headers as the request leaves: no middleware hook (onRequest, onResponse, onError) sees it.
  const authorization = `Bearer ${token}`;
  const ownPrefix = `${baseUrl}/`;
  const api = withResilience(
    (transport) => createClient<paths>({ baseUrl, headers, ...transport }),
    baseUrl,
    options,
    (url, built) => {
      if (!(url.startsWith(ownPrefix) || url.startsWith(origin!)) || built.has("Authorization")) return;
      const sent = new Headers(built);
      sent.set("Authorization", authorization);
      return sent;
    },
    token,
  );
  return Object.assign(api, { orgId }) as unknown as CodegenApi;
}

/** The Codegen API client: the raw client (`createCodegenApi`) with the workflow helpers. */
export function createCodegenClient(options: CodegenClientOptions = {}): CodegenClient {
  const api = createCodegenApi(options);
  return { ...api, ...createHelpers({ api, orgId: api.orgId }) };
}
