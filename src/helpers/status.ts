/**
 * What an agent run's status means for someone waiting on it. Codegen's statuses are upper case:
 * - `running`: PENDING, ACTIVE, RUNNING, EVALUATION (and no status yet: a run that was just created)
 * - `paused`: PAUSED, waiting for the user (resume it with `agentRuns.resume`)
 * - `succeeded`: COMPLETE
 * - `failed`: ERROR, FAILED, CANCELLED, STOPPED, TIMEOUT, MAX_ITERATIONS_REACHED, OUT_OF_TOKENS
 * - `unknown`: anything else; treated as settled so a status added by the API can never make a wait hang.
 */
export type AgentRunOutcome = "running" | "paused" | "succeeded" | "failed" | "unknown";

export function agentRunOutcome(status: string | null | undefined): AgentRunOutcome {
  return status == null || /^(PENDING|ACTIVE|RUNNING|EVALUATION)$/.test(status)
    ? "running"
    : status === "PAUSED"
      ? "paused"
      : status === "COMPLETE"
        ? "succeeded"
        : /^(ERROR|FAILED|CANCELLED|STOPPED|TIMEOUT|MAX_ITERATIONS_REACHED|OUT_OF_TOKENS)$/.test(status)
          ? "failed"
          : "unknown";
}

/** Settled: polling again will not change the status on its own. */
export const isSettled = (status: string | null | undefined) => agentRunOutcome(status) !== "running";
