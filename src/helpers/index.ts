import type { CoreClient } from "../core.js";
import { systemClock, type Clock } from "./clock.js";
import { followAgentRunLogsWith } from "./follow-logs.js";
import { resourceHelpers } from "./resources.js";
import { waitForAgentRunWith } from "./wait.js";

export { AgentRunTimeoutError } from "./errors.js";
export { agentRunOutcome, type AgentRunOutcome } from "./status.js";
export { PagedList, MAX_PAGE_SIZE, type PageOptions } from "./pagination.js";
export { MIN_POLL_INTERVAL_MS, type PollIntervals } from "./polling.js";
export { DEFAULT_WAIT_TIMEOUT_MS, type WaitForAgentRunOptions } from "./wait.js";
export type { FollowAgentRunLogsOptions } from "./follow-logs.js";
export type { RequestOptions } from "./options.js";
export type { Clock } from "./clock.js";
export type * from "./types.js";

export type Helpers = ReturnType<typeof createHelpers>;

/**
 * The workflow helpers over one client: a short call per operation (orgId defaulting from the client,
 * typed errors thrown), `for await` lists, `waitForAgentRun` and `followAgentRunLogs`. `clock` exists for
 * tests and benchmarks that simulate long runs.
 */
export function createHelpers(core: CoreClient, clock: Clock = systemClock) {
  const helpers = resourceHelpers(core);
  return {
    ...helpers,
    waitForAgentRun: waitForAgentRunWith(helpers.agentRuns, clock),
    followAgentRunLogs: followAgentRunLogsWith(helpers.agentRuns, clock),
  };
}
