/**
 * The error hierarchy thrown by the helpers (raw client calls keep openapi-fetch's `{ data, error, response }`).
 *
 *   CodegenError
 *   ├── CodegenApiError            any non-2xx answer; `status`, `body`, `operation`, `response`
 *   │   ├── BadRequestError            400
 *   │   ├── AuthenticationError        401
 *   │   ├── PlanLimitError             402 (plan limit reached)
 *   │   ├── PermissionDeniedError      403
 *   │   ├── NotFoundError              404
 *   │   ├── ConflictError              409
 *   │   ├── ValidationError            422 (`details`: FastAPI's `detail` items)
 *   │   ├── RateLimitError             429 (`retryAfterMs` when the server said)
 *   │   └── ServerError                5xx
 *   ├── ConnectionError            the request did not get an answer (DNS, reset, refused, bad body)
 *   │   └── TimeoutError               an attempt outlived its timeout
 *   ├── ThrottledError             the client-side limiter refused to wait (throttle: "fail")
 *   └── ConfigurationError         bad client options (missing token, …)
 *
 * A user's own abort is not wrapped: the AbortSignal's reason is rethrown as it is. Every name is a string
 * literal (not the class's own name), so it survives minification.
 */

/** "METHOD /path/{template}", e.g. "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}". */
export type OperationRef = { method: string; path: string };

export class CodegenError extends Error {
  override name = "CodegenError";
  /** The operation the error is about, when there is one. */
  readonly operation: OperationRef | undefined;
  constructor(message: string, options?: { operation?: OperationRef | undefined; cause?: unknown }) {
    super(message, options);
    this.operation = options?.operation;
  }
}

export class ConfigurationError extends CodegenError {
  override name = "ConfigurationError";
}

export interface ApiErrorInit {
  status: number;
  body: unknown;
  operation: OperationRef;
  response: Response;
}

export class CodegenApiError extends CodegenError {
  override name = "CodegenApiError";
  declare readonly operation: OperationRef;
  readonly status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  /** The raw answer (headers, status text). Non-enumerable so logging the error stays small. */
  declare readonly response: Response;

  constructor({ status, body, operation, response }: ApiErrorInit) {
    super(`${describe(operation)}: ${status} ${bodyMessage(body) ?? "(no message)"}`, { operation });
    this.status = status;
    this.body = body;
    // `declare` emits no class field, so this is the only definition: non-enumerable and read-only.
    Object.defineProperty(this, "response", { value: response });
  }

  toJSON() {
    const { name, message, status, body, operation } = this;
    return { name, message, status, body, operation };
  }
}

export class BadRequestError extends CodegenApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends CodegenApiError {
  override name = "AuthenticationError";
}
export class PlanLimitError extends CodegenApiError {
  override name = "PlanLimitError";
}
export class PermissionDeniedError extends CodegenApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends CodegenApiError {
  override name = "NotFoundError";
}
export class ConflictError extends CodegenApiError {
  override name = "ConflictError";
}

export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class ValidationError extends CodegenApiError {
  override name = "ValidationError";
  /** FastAPI's `detail` list: where (`loc`) and what (`msg`) failed validation. */
  get details(): ValidationDetail[] {
    const detail = (this.body as { detail?: unknown } | null)?.detail;
    return Array.isArray(detail) ? detail : [];
  }
}

export class RateLimitError extends CodegenApiError {
  override name = "RateLimitError";
  /** How long the server asked us to wait (from `Retry-After`), if it said. */
  readonly retryAfterMs = parseRetryAfter(this.response.headers.get("retry-after"));
}

export class ServerError extends CodegenApiError {
  override name = "ServerError";
}

export class ConnectionError extends CodegenError {
  override name = "ConnectionError";
}

export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  constructor(
    operation: OperationRef | undefined,
    readonly timeoutMs: number,
  ) {
    super(`${describe(operation)} timed out after ${timeoutMs} ms`, { operation });
  }
}

export class ThrottledError extends CodegenError {
  override name = "ThrottledError";
  constructor(
    operation: OperationRef | undefined,
    /** When the limiter would have let the request through. */
    readonly waitMs: number,
    limit: string,
  ) {
    super(
      `${describe(operation)} would exceed the documented rate limit (${limit}); next slot in ${waitMs} ms`,
      { operation },
    );
  }
}

const byStatus: Record<number, typeof CodegenApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PlanLimitError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
  429: RateLimitError,
};

/** The error class for a non-2xx answer. */
export function createApiError(init: ApiErrorInit): CodegenApiError {
  return new (byStatus[init.status] ?? (init.status >= 500 ? ServerError : CodegenApiError))(init);
}

const describe = (operation: OperationRef | undefined) =>
  operation ? `${operation.method} ${operation.path}` : "Request";

/** What Codegen's body says went wrong: `message`, a string `detail`, or FastAPI's validation list. */
function bodyMessage(body: any): string | undefined {
  if (typeof body == "string") return body.trim().slice(0, 200) || undefined;
  const said = body?.message || body?.detail;
  if (typeof said == "string") return said;
  if (Array.isArray(said))
    return said
      .map((d: Partial<ValidationDetail>) => `${(d.loc ?? []).join(".")}: ${d.msg ?? "invalid"}`)
      .join("; ");
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  // RFC 9110 §10.2.3: delay-seconds is digits only ("0x10", "-5", "1e3" are not), else an HTTP-date.
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // A date names its weekday or month; a bare number Date.parse would read as a year is not one.
  const ms = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) - now : NaN;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
