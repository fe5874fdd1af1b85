import { CodegenError } from "../errors.js";
import type { AgentRun } from "../generated/helpers.js";

/** `waitForAgentRun` or `followAgentRunLogs` ran out of time before the run settled. */
export class AgentRunTimeoutError extends CodegenError {
  static override readonly errorName: string = "AgentRunTimeoutError";
  readonly agentRunId: number;
  readonly timeoutMs: number;
  /** The status of the last successful poll (undefined when no poll answered in time). */
  readonly lastStatus: string | null | undefined;
  /** The run as the last successful poll of `waitForAgentRun` saw it. */
  readonly lastRun: AgentRun | undefined;

  constructor(
    agentRunId: number,
    timeoutMs: number,
    last: { run?: AgentRun | undefined; status?: string | null | undefined; cause?: unknown },
  ) {
    const seen = "status" in last ? `last status ${last.status ?? "null"}` : "no status seen";
    super(`Agent run ${agentRunId} did not settle within ${timeoutMs} ms (${seen})`, { cause: last.cause });
    this.agentRunId = agentRunId;
    this.timeoutMs = timeoutMs;
    this.lastStatus = last.status;
    this.lastRun = last.run;
  }
}
