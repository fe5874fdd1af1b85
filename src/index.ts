/**
 * codegen-api: the typed client for the Codegen Developer API.
 * `createCodegenClient()` is the entry point; everything else here is what its users name in their code.
 */
export { createCodegenApi, createCodegenClient, DEFAULT_BASE_URL, VERSION } from "./client.js";
export type { CodegenApi, CodegenClient, CodegenClientOptions } from "./client.js";
export * from "./errors.js";
// The named types (AgentRun, CreateAgentRunBody, …: generated from openapi/helpers.yaml) and the generic ones.
export type * from "./types.js";

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
  Clock,
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
