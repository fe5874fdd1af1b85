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
 *   ├── UnexpectedResponseError    a 2xx whose body is not what the spec promises (empty, null, no list)
 *   ├── ThrottledError             the client-side limiter refused to wait (throttle: "fail")
 *   └── ConfigurationError         bad client options (missing token, …)
 *
 * A user's own abort is not wrapped: the AbortSignal's reason is rethrown as it is. Every name is a string
 * literal (not the class's own name), so it survives minification.
 *
 * `instanceof` holds across copies of this module (the package's ESM and CommonJS builds, loaded side by side
 * in one process): an error is an instance of a class when a prototype in its chain is branded and carries the
 * class's name.
 */

/** "METHOD /path/{template}", e.g. "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}". */
export type OperationRef = { method: string; path: string };

/** Marks the classes of this module, in every copy of it (the key is from the global symbol registry). */
const family = Symbol.for("codegen-api.error");
type ErrorClass = { errorName?: string; [family]?: true };
const nameOf = (type: ErrorClass) => Object.hasOwn(type, "errorName") && type.errorName;

export class CodegenError extends Error {
  /** The error's name (also each instance's `name`), which survives minification. */
  static readonly errorName: string = "CodegenError";
  static readonly [family] = true;
  /** The operation the error is about, when there is one. */
  readonly operation: OperationRef | undefined;
  constructor(message: string, options?: { operation?: OperationRef | undefined; cause?: unknown }) {
    super(message, options);
    // A subclass without a name of its own takes its parent's.
    this.name = (new.target as ErrorClass).errorName!;
    this.operation = options?.operation;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const name = nameOf(this);
    for (let proto = value; typeof proto == "object" && proto; proto = Object.getPrototypeOf(proto)) {
      const type = Object.hasOwn(proto, "constructor") && (proto.constructor as ErrorClass);
      // This very class, or another copy's class of this name (a class without a name of its own: only itself).
      if (type === this || (name && type && type[family] && nameOf(type) === name)) return true;
    }
    return false;
  }
}

export class ConfigurationError extends CodegenError {
  static override readonly errorName: string = "ConfigurationError";
}

export interface ApiErrorInit {
  status: number;
  body: unknown;
  operation: OperationRef;
  response: Response;
}

export class CodegenApiError extends CodegenError {
  static override readonly errorName: string = "CodegenApiError";
  declare readonly operation: OperationRef;
  readonly status: number;
  /** The parsed JSON body, or the raw text when it was not JSON (its first 64 KiB). */
  readonly body: unknown;
  /** The raw answer (headers, status text). Non-enumerable so logging the error stays small. */
  declare readonly response: Response;

  constructor({ status, body, operation, response }: ApiErrorInit) {
    super(`${describe(operation)}: ${status} ${bodyMessage(body) || "(no message)"}`, { operation });
    this.status = status;
    // A proxy's error page can be megabytes: what is kept (and logged with the error) is bounded.
    this.body = typeof body == "string" ? body.slice(0, MAX_KEPT_BODY) : body;
    // `declare` emits no class field, so this is the only definition: non-enumerable and read-only.
    Object.defineProperty(this, "response", { value: response });
  }

  toJSON() {
    const { name, message, status, body, operation } = this;
    return { name, message, status, body, operation };
  }
}

export class BadRequestError extends CodegenApiError {
  static override readonly errorName: string = "BadRequestError";
}
export class AuthenticationError extends CodegenApiError {
  static override readonly errorName: string = "AuthenticationError";
}
export class PlanLimitError extends CodegenApiError {
  static override readonly errorName: string = "PlanLimitError";
}
export class PermissionDeniedError extends CodegenApiError {
  static override readonly errorName: string = "PermissionDeniedError";
}
export class NotFoundError extends CodegenApiError {
  static override readonly errorName: string = "NotFoundError";
}
export class ConflictError extends CodegenApiError {
  static override readonly errorName: string = "ConflictError";
}

export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class ValidationError extends CodegenApiError {
  static override readonly errorName: string = "ValidationError";
  /** FastAPI's `detail` list: where (`loc`) and what (`msg`) failed validation. */
  get details(): ValidationDetail[] {
    const detail = (this.body as { detail?: unknown } | null)?.detail;
    return Array.isArray(detail) ? detail : [];
  }
}

export class RateLimitError extends CodegenApiError {
  static override readonly errorName: string = "RateLimitError";
  /** How long the server asked us to wait (from `Retry-After`), if it said. */
  readonly retryAfterMs = parseRetryAfter(this.response.headers.get("retry-after"));
}

export class ServerError extends CodegenApiError {
  static override readonly errorName: string = "ServerError";
}

/** A 2xx answer without the JSON its operation promises: an empty body, `null`, or a page without its list. */
export class UnexpectedResponseError extends CodegenError {
  static override readonly errorName: string = "UnexpectedResponseError";
  declare readonly operation: OperationRef;
  constructor(
    operation: OperationRef,
    /** What came back, e.g. "an empty body". */
    readonly received: string,
  ) {
    super(`${describe(operation)} answered with ${received}, not the JSON its spec promises`, { operation });
  }
}

export class ConnectionError extends CodegenError {
  static override readonly errorName: string = "ConnectionError";
}

export class TimeoutError extends ConnectionError {
  static override readonly errorName: string = "TimeoutError";
  constructor(
    operation: OperationRef | undefined,
    readonly timeoutMs: number,
  ) {
    super(`${describe(operation)} timed out after ${timeoutMs} ms`, { operation });
  }
}

export class ThrottledError extends CodegenError {
  static override readonly errorName: string = "ThrottledError";
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

const MAX_KEPT_BODY = 64 * 1024;

/**
 * What Codegen's body says went wrong (`message`, a string `detail`, or FastAPI's validation list), else a short
 * excerpt of a body that is not JSON (an HTML error page arrives as text): its text without tags.
 */
function bodyMessage(body: any): string {
  if (typeof body == "string")
    return excerpt(body.replace(/<(script|style)\b[\s\S]*?<\/\1>|<[^>]*>/gi, " "), 200);
  const said = body?.message || body?.detail;
  if (typeof said == "string") return excerpt(said, 1000);
  if (Array.isArray(said))
    return excerpt(
      said
        .map((d: Partial<ValidationDetail>) => `${(d.loc ?? []).join(".")}: ${d.msg ?? "invalid"}`)
        .join("; "),
      1000,
    );
  return "";
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
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
