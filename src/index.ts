/**
 * codegen-api: the typed client for the Codegen Developer API.
 * `createCodegenClient()` is the entry point; everything else here is what its users name in their code.
 * Every export is listed by name, so a change to the public surface is a change to this file (and to
 * api/codegen-api.api.md, `npm run api:report`); internals are imported from the module that defines them.
 */
export { createCodegenApi, createCodegenClient, DEFAULT_BASE_URL, VERSION } from "./client.js";
export type { CodegenApi, CodegenClient, CodegenClientOptions } from "./client.js";

export {
  AuthenticationError,
  BadRequestError,
  CodegenApiError,
  CodegenError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  PlanLimitError,
  RateLimitError,
  ServerError,
  ThrottledError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from "./errors.js";
export type { OperationRef, ValidationDetail } from "./errors.js";

// The generic type names, and the raw openapi-typescript output.
export type {
  components,
  OperationBody,
  OperationName,
  OperationParams,
  OperationQuery,
  OperationResponse,
  operations,
  paths,
  Schema,
} from "./types.js";
// The named types (AgentRun, CreateAgentRunBody, …) and the helper classes: generated from openapi/helpers.yaml
// as a list by name, so a type the docs drop leaves this file compiling (the change report says it is gone).
export type * from "./generated/names.js";

// Helpers: what their results and options are called.
export {
  AgentRunTimeoutError,
  agentRunOutcome,
  PagedList,
  MAX_PAGE_SIZE,
  MIN_POLL_INTERVAL_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
} from "./helpers/index.js";
export type {
  AgentRunOutcome,
  FollowAgentRunLogsOptions,
  Helpers,
  PageOptions,
  PollIntervals,
  RequestOptions,
  WaitForAgentRunOptions,
} from "./helpers/index.js";

// Resilience: client-level and per-request options, and what `onRetry` receives.
export type {
  RateLimitGroup,
  RateLimiter,
  RateLimitStore,
  RateLimitTable,
  RequestResilienceOptions,
  ResilienceOptions,
  RetryEvent,
  ThrottleMode,
} from "./resilience/index.js";
