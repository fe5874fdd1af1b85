/**
 * What an agent run's status means for someone waiting on it. Codegen's statuses are upper case:
 * - `running`: PENDING, ACTIVE, RUNNING, EVALUATION (and no status yet: a run that was just created)
 * - `paused`: PAUSED, waiting for the user (resume it with `agentRuns.resume`)
 * - `succeeded`: COMPLETE
 * - `failed`: ERROR, FAILED, CANCELLED, STOPPED, TIMEOUT, MAX_ITERATIONS_REACHED, OUT_OF_TOKENS
 * - `unknown`: anything else; treated as settled so a status added by the API can never make a wait hang.
 */
export type AgentRunOutcome = "running" | "paused" | "succeeded" | "failed" | "unknown";

const outcomes: Record<string, AgentRunOutcome> = {
  PENDING: "running",
  ACTIVE: "running",
  RUNNING: "running",
  EVALUATION: "running",
  PAUSED: "paused",
  COMPLETE: "succeeded",
  ERROR: "failed",
  FAILED: "failed",
  CANCELLED: "failed",
  STOPPED: "failed",
  TIMEOUT: "failed",
  MAX_ITERATIONS_REACHED: "failed",
  OUT_OF_TOKENS: "failed",
};

export function agentRunOutcome(status: string | null | undefined): AgentRunOutcome {
  if (status === null || status === undefined) return "running";
  return Object.hasOwn(outcomes, status) ? outcomes[status]! : "unknown";
}

/** Settled: polling again will not change the status on its own. */
export function isSettled(status: string | null | undefined): boolean {
  return agentRunOutcome(status) !== "running";
}
