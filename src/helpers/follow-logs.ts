import type { AgentRunLog, AgentRunWithLogs } from "../generated/helpers.js";
import * as routes from "../generated/routes.js";
import { AgentRunTimeoutError } from "./errors.js";
import type { HelperHost } from "./host.js";
import { MAX_PAGE_SIZE } from "./pagination.js";
import { pollSession, type PollIntervals } from "./polling.js";
import { send, type RequestOptions } from "./send.js";
import { isSettled } from "./status.js";

export interface FollowAgentRunLogsOptions extends Omit<RequestOptions, "timeout">, PollIntervals {
  /** Log entries to skip first, e.g. the count already shown. Default 0. */
  skip?: number;
  /** Give up after this many ms with an `AgentRunTimeoutError` carrying the last status. Default: none. */
  timeout?: number;
}

/**
 * Yields each log entry of a run once, oldest first, as the run writes them, and ends once the run has
 * settled and its last entries are drained. The logs endpoint also reports the run's status, so following
 * costs one request per poll; polls back off while nothing new arrives and speed up again when it does.
 * The generator's return value is the settled run (its last logs page).
 */
export async function* followAgentRunLogs(
  { core, clock }: HelperHost,
  agentRunId: number,
  options: FollowAgentRunLogsOptions = {},
): AsyncGenerator<AgentRunLog, AgentRunWithLogs, undefined> {
  const { orgId, maxRetries, timeout } = options;
  let status: { status?: string | null } = {};
  // Without a timeout, following ends with the run (or the caller's signal).
  const session = pollSession(
    "followAgentRunLogs",
    clock,
    options,
    timeout,
    (cause) => new AgentRunTimeoutError(agentRunId, timeout!, { cause, ...status }),
  );
  let skip = options.skip ?? 0;
  let settled = false;
  try {
    for (;;) {
      const page = await session.poll((signal) =>
        send<AgentRunWithLogs>(
          core,
          routes.getAgentRunLogs,
          { path: { agent_run_id: agentRunId }, query: { skip, limit: MAX_PAGE_SIZE } },
          { orgId, maxRetries, signal },
          "object",
        ),
      );
      status = { status: page.status };
      for (const log of page.logs) {
        skip++;
        yield log;
      }
      if (page.logs.length && (page.logs.length === MAX_PAGE_SIZE || (page.total_logs ?? 0) > skip)) continue;
      if (settled) return page;
      // Entries written between reading the logs and reading the status would be missed if we stopped
      // now: after the status settles, poll once more and stop when that poll is drained.
      if (isSettled(page.status)) settled = true;
      else await session.pause(page.logs.length > 0);
    }
  } finally {
    session.dispose();
  }
}
