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
 * A user's own abort is not wrapped: the AbortSignal's reason is rethrown as it is.
 */

/** "METHOD /path/{template}", e.g. "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}". */
export type OperationRef = { method: string; path: string };

export class CodegenError extends Error {
  override name = "CodegenError";
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
  readonly status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  readonly operation: OperationRef;
  /** The raw answer (headers, status text). Non-enumerable so logging the error stays small. */
  declare readonly response: Response;

  constructor(init: ApiErrorInit, message = apiErrorMessage(init)) {
    super(message);
    this.status = init.status;
    this.body = init.body;
    this.operation = init.operation;
    // `declare` emits no class field, so this is the only definition: non-enumerable and read-only.
    Object.defineProperty(this, "response", { value: init.response, enumerable: false });
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      body: this.body,
      operation: this.operation,
    };
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
  readonly details: ValidationDetail[];
  constructor(init: ApiErrorInit) {
    super(init);
    const detail = (init.body as { detail?: unknown } | null)?.detail;
    this.details = Array.isArray(detail) ? (detail as ValidationDetail[]) : [];
  }
}

export class RateLimitError extends CodegenApiError {
  override name = "RateLimitError";
  /** How long the server asked us to wait (from `Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfterMs = parseRetryAfter(init.response.headers.get("retry-after"));
  }
}

export class ServerError extends CodegenApiError {
  override name = "ServerError";
}

export class ConnectionError extends CodegenError {
  override name = "ConnectionError";
  readonly operation: OperationRef | undefined;
  constructor(message: string, options: { operation?: OperationRef; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.operation = options.operation;
  }
}

export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  readonly timeoutMs: number;
  constructor(operation: OperationRef | undefined, timeoutMs: number) {
    super(`${describe(operation)} timed out after ${timeoutMs} ms`, { operation });
    this.timeoutMs = timeoutMs;
  }
}

export class ThrottledError extends CodegenError {
  override name = "ThrottledError";
  readonly operation: OperationRef | undefined;
  /** When the limiter would have let the request through. */
  readonly waitMs: number;
  constructor(operation: OperationRef | undefined, waitMs: number, limit: string) {
    super(
      `${describe(operation)} would exceed the documented rate limit (${limit}); next slot in ${waitMs} ms`,
    );
    this.operation = operation;
    this.waitMs = waitMs;
  }
}

const byStatus: Record<number, new (init: ApiErrorInit) => CodegenApiError> = {
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
  const ErrorClass = byStatus[init.status] ?? (init.status >= 500 ? ServerError : CodegenApiError);
  return new ErrorClass(init);
}

function describe(operation: OperationRef | undefined): string {
  return operation ? `${operation.method} ${operation.path}` : "Request";
}

/** "METHOD path: 404 Agent run not found." built from Codegen's bodies (`message`, `detail`). */
function apiErrorMessage({ status, body, operation }: ApiErrorInit): string {
  return `${describe(operation)}: ${status} ${bodyMessage(body) ?? "(no message)"}`;
}

function bodyMessage(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim().slice(0, 200) || undefined;
  if (!body || typeof body !== "object") return undefined;
  const { message, detail } = body as { message?: unknown; detail?: unknown };
  if (typeof message === "string" && message) return message;
  if (typeof detail === "string" && detail) return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d: Partial<ValidationDetail>) => `${(d.loc ?? []).join(".")}: ${d.msg ?? "invalid"}`)
      .join("; ");
  }
  return undefined;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
