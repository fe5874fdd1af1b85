import type { CoreClient } from "../core.js";
import {
  createResources,
  type AgentRun,
  type AgentRunLog,
  type AgentRunWithLogs,
  type Resources,
} from "../generated/helpers.js";
import { systemClock, type Clock } from "./clock.js";
import { followAgentRunLogs, type FollowAgentRunLogsOptions } from "./follow-logs.js";
import type { HelperHost } from "./host.js";
import { waitForAgentRun, type WaitForAgentRunOptions } from "./wait.js";

export { AgentRunTimeoutError } from "./errors.js";
export { agentRunOutcome, type AgentRunOutcome } from "./status.js";
export { PagedList, MAX_PAGE_SIZE, type PageOptions } from "./pagination.js";
export { MIN_POLL_INTERVAL_MS, type PollIntervals } from "./polling.js";
export { DEFAULT_WAIT_TIMEOUT_MS, type WaitForAgentRunOptions } from "./wait.js";
export type { FollowAgentRunLogsOptions } from "./follow-logs.js";
export type { RequestOptions } from "./send.js";
export type { Clock } from "./clock.js";

/** Where the workflow helpers of a helpers object (or of a client it was spread onto) find their client. */
const HOST = Symbol("codegen-api.helpers");

/** The helpers of a client: one namespace per resource (generated) plus the hand-written workflow helpers. */
export interface Helpers extends Resources {
  /**
   * Polls Get Agent Run until the run settles (COMPLETE, failed, PAUSED or a status this client does not know)
   * and returns it; see `WaitForAgentRunOptions`.
   */
  waitForAgentRun(agentRunId: number, options?: WaitForAgentRunOptions): Promise<AgentRun>;
  /**
   * Yields each log entry of a run once, oldest first, as the run writes them, and returns the settled run's last
   * logs page; see `FollowAgentRunLogsOptions`.
   */
  followAgentRunLogs(
    agentRunId: number,
    options?: FollowAgentRunLogsOptions,
  ): AsyncGenerator<AgentRunLog, AgentRunWithLogs, undefined>;
}

type Host = { [HOST]: HelperHost };

// Defined once for every client: they find their client through `this`.
const workflows = {
  waitForAgentRun(this: Host, agentRunId: number, options?: WaitForAgentRunOptions) {
    return waitForAgentRun(this[HOST], agentRunId, options);
  },
  followAgentRunLogs(this: Host, agentRunId: number, options?: FollowAgentRunLogsOptions) {
    return followAgentRunLogs(this[HOST], agentRunId, options);
  },
};

/**
 * The helpers over one client: a short call per operation (orgId defaulting from the client, typed errors
 * thrown), `for await` lists, `waitForAgentRun` and `followAgentRunLogs`. Every method is defined once, on its
 * class or here; a client's helpers hold only its core. `clock` exists for tests and benchmarks that simulate
 * long runs.
 */
export function createHelpers(core: CoreClient, clock: Clock = systemClock): Helpers {
  return { ...createResources(core), [HOST]: { core, clock }, ...workflows } as Helpers;
}
