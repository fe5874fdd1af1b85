import type { AgentRun } from "../generated/helpers.js";
import * as routes from "../generated/routes.js";
import type { HelperHost } from "./host.js";
import { AgentRunTimeoutError } from "./errors.js";
import { pollSession, type PollIntervals } from "./polling.js";
import { send, type RequestOptions } from "./send.js";
import { isSettled } from "./status.js";

export interface WaitForAgentRunOptions extends Omit<RequestOptions, "timeout">, PollIntervals {
  /** Give up after this many ms with an `AgentRunTimeoutError` carrying the last status. Default 30 min. */
  timeout?: number;
  /** Called with the run after the first poll and whenever its status changes. */
  onUpdate?: (run: AgentRun) => void;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;

/**
 * Polls Get Agent Run until the run settles, and returns it. Settled means succeeded (COMPLETE), failed
 * (ERROR, FAILED, CANCELLED, …), paused for the user (PAUSED), or a status this client does not know: a
 * failure is an answer about the run, not about the call, so it is returned (check `run.status` or
 * `agentRunOutcome(run.status)`), never thrown. Throws `AgentRunTimeoutError` when `timeout` runs out,
 * the API's typed errors when a poll fails (a 429 just delays the next poll), and the signal's reason on abort.
 */
export async function waitForAgentRun(
  { core, clock }: HelperHost,
  agentRunId: number,
  options: WaitForAgentRunOptions = {},
): Promise<AgentRun> {
  const { timeout = DEFAULT_WAIT_TIMEOUT_MS, onUpdate, orgId, maxRetries } = options;
  let last: AgentRun | undefined;
  const session = pollSession(
    "waitForAgentRun",
    clock,
    options,
    timeout,
    (cause) =>
      new AgentRunTimeoutError(agentRunId, timeout, {
        cause,
        ...(last && { run: last, status: last.status }),
      }),
  );
  try {
    for (;;) {
      const run = await session.poll((signal) =>
        send<AgentRun>(
          core,
          routes.getAgentRun,
          { path: { agent_run_id: agentRunId } },
          { orgId, maxRetries, signal },
          "object",
        ),
      );
      if (!last || run.status !== last.status) onUpdate?.(run);
      last = run;
      if (isSettled(run.status)) return run;
      await session.pause();
    }
  } finally {
    session.dispose();
  }
}
