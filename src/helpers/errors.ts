import { CodegenError } from "../errors.js";
import type { AgentRun } from "../types.js";

/** `waitForAgentRun` ran out of time before the run settled. */
export class AgentRunTimeoutError extends CodegenError {
  override name = "AgentRunTimeoutError";
  readonly agentRunId: number;
  readonly timeoutMs: number;
  /** The status of the last successful poll (undefined when no poll answered in time). */
  readonly lastStatus: string | null | undefined;
  /** The run as the last successful poll saw it. */
  readonly lastRun: AgentRun | undefined;

  constructor(agentRunId: number, timeoutMs: number, lastRun: AgentRun | undefined, cause?: unknown) {
    const seen = lastRun ? `last status ${lastRun.status ?? "null"}` : "no status seen";
    super(`Agent run ${agentRunId} did not settle within ${timeoutMs} ms (${seen})`, { cause });
    this.agentRunId = agentRunId;
    this.timeoutMs = timeoutMs;
    this.lastStatus = lastRun?.status;
    this.lastRun = lastRun;
  }
}
