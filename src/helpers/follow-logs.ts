import type { CoreClient } from "../core.js";
import { RateLimitError } from "../errors.js";
import { agentRunHelpers } from "./agent-runs.js";
import type { Clock } from "./clock.js";
import type { RequestOptions } from "./options.js";
import { MAX_PAGE_SIZE } from "./pagination.js";
import { PollSession, pollIntervals, type PollIntervals } from "./polling.js";
import { isSettled } from "./status.js";
import type { AgentRunLog, AgentRunWithLogs } from "../types.js";

export interface FollowAgentRunLogsOptions extends Omit<RequestOptions, "timeout">, PollIntervals {
  /** Log entries to skip first, e.g. the count already shown. Default 0. */
  skip?: number;
}

/**
 * Yields each log entry of a run once, oldest first, as the run writes them, and ends once the run has
 * settled and its last entries are drained. The logs endpoint also reports the run's status, so following
 * costs one request per poll; polls back off while nothing new arrives and speed up again when it does.
 * The generator's return value is the settled run (its last logs page).
 */
export function followAgentRunLogsWith(core: CoreClient, clock: Clock) {
  const runs = agentRunHelpers(core);

  return async function* followAgentRunLogs(
    agentRunId: number,
    options: FollowAgentRunLogsOptions = {},
  ): AsyncGenerator<AgentRunLog, AgentRunWithLogs, undefined> {
    const { signal, orgId, maxRetries } = options;
    const intervals = pollIntervals("followAgentRunLogs", options);
    const session = new PollSession(clock, signal, Infinity);
    let skip = options.skip ?? 0;
    let delay = intervals.first;
    let settled = false;
    try {
      for (;;) {
        let page: AgentRunWithLogs;
        try {
          page = await session.request((signal) =>
            runs.logs(agentRunId, { skip, limit: MAX_PAGE_SIZE }, { orgId, maxRetries, signal }),
          );
        } catch (error) {
          if (!(error instanceof RateLimitError)) throw error;
          await session.sleep(Math.max(error.retryAfterMs ?? 0, delay));
          continue;
        }
        for (const log of page.logs) {
          skip += 1;
          yield log;
        }
        const more =
          page.logs.length > 0 && (page.logs.length === MAX_PAGE_SIZE || (page.total_logs ?? 0) > skip);
        if (more) continue;
        if (settled) return page;
        // Entries written between reading the logs and reading the status would be missed if we stopped
        // now: after the status settles, poll once more and stop when that poll is drained.
        if (isSettled(page.status)) {
          settled = true;
          continue;
        }
        if (page.logs.length > 0) delay = intervals.first;
        await session.sleep(delay);
        delay = Math.min(delay * 2, intervals.max);
      }
    } finally {
      session.dispose();
    }
  };
}
