import {
  ConfigurationError,
  ConnectionError,
  createApiError,
  UnexpectedResponseError,
  type OperationRef,
} from "./errors.js";

/**
 * What every helper is built on: the typed openapi-fetch client (already wired with auth and the
 * resilience layer) plus the client's defaults. Created once per `createCodegenClient` call.
 */
export interface CoreClient {
  /** The client's openapi-fetch `request` (auth and resilience included); helpers send every call through it. */
  readonly api: { request(method: any, path: any, init?: any): Promise<unknown> };
  /** The default organization (option `orgId`, env `CODEGEN_ORG_ID`). */
  readonly orgId: number | undefined;
}

/** The organization a helper call acts on: the call's own, else the client's, else a clear error. */
export function requireOrgId(core: CoreClient, override?: number): number {
  const orgId = override ?? core.orgId;
  if (orgId === undefined)
    throw new ConfigurationError(
      "No organization id: pass `orgId` to the call or the client, or set CODEGEN_ORG_ID",
    );
  return orgId;
}

/**
 * openapi-fetch's `{ data, error, response }` to the data, or the typed `CodegenApiError` for a non-2xx answer.
 * Every documented operation answers JSON, so a 2xx with an empty body (other than a 204) is an
 * `UnexpectedResponseError`; so is `null` where the caller reads an object (`answer: "object"`), while an
 * operation whose schema allows any JSON may well answer `null`.
 * A 2xx whose body is not JSON makes openapi-fetch throw a bare SyntaxError: that is a broken answer, a
 * `ConnectionError` (the resilience layer, when present, has already retried it for safe methods).
 */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
  operation: OperationRef,
  answer?: "object",
): Promise<T> {
  const { data, error, response } = await pending.catch((cause: unknown) => {
    throw cause instanceof SyntaxError
      ? new ConnectionError(`${operation.method} ${operation.path} failed: ${cause.message}`, {
          operation,
          cause,
        })
      : cause;
  });
  if (!response.ok) throw createApiError({ status: response.status, body: error, operation, response });
  if (data === undefined ? response.status != 204 : data === null && answer)
    throw new UnexpectedResponseError(operation, data === null ? "null" : "an empty body");
  return data as T;
}
