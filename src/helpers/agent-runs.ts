import type { CoreClient } from "../core.js";
import type { AgentRunLog, AgentRunWithLogs } from "../types.js";
import { operation, type RequestOptions } from "./options.js";
import { pagedItems, pagedList, type PageOptions } from "./pagination.js";
import type {
  AgentRunLogsQuery,
  CreateAgentRunBody,
  ListAgentRunsQuery,
  ResumeAgentRunBody,
  StopAgentRunBody,
} from "./types.js";

export type AgentRunHelpers = ReturnType<typeof agentRunHelpers>;

export function agentRunHelpers(core: CoreClient) {
  const withBody =
    <Body>(body: Body) =>
    (org: () => number) => ({ params: { path: { org_id: org() } }, body });
  const runPath = (agentRunId: number) => (org: () => number) => ({
    params: { path: { org_id: org(), agent_run_id: agentRunId } },
  });
  const create = operation(core, "post", "/v1/organizations/{org_id}/agent/run");
  const get = operation(core, "get", "/v1/organizations/{org_id}/agent/run/{agent_run_id}");
  const list = operation(core, "get", "/v1/organizations/{org_id}/agent/runs");
  const resume = operation(core, "post", "/v1/organizations/{org_id}/agent/run/resume");
  const ban = operation(core, "post", "/v1/organizations/{org_id}/agent/run/ban");
  const unban = operation(core, "post", "/v1/organizations/{org_id}/agent/run/unban");
  const removeFromPr = operation(core, "post", "/v1/organizations/{org_id}/agent/run/remove-from-pr");
  const logs = operation(core, "get", "/v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs");

  return {
    /** Start an agent run (`prompt`, `repo_id`, `model`, `agent_type`, `images`, `metadata`). */
    create: (body: CreateAgentRunBody, options?: RequestOptions) => create(withBody(body), options),

    /** The run's current status, result, summary and pull requests. */
    get: (agentRunId: number, options?: RequestOptions) => get(runPath(agentRunId), options),

    /** Agent runs, newest first: `await` for the first page, `for await` for every run. */
    list: (query: ListAgentRunsQuery = {}, options?: RequestOptions & PageOptions) =>
      pagedItems(list, withBody(undefined), query, options),

    /** Send a follow-up prompt to a paused or finished run. */
    resume: (body: ResumeAgentRunBody, options?: RequestOptions) => resume(withBody(body), options),

    /** Ban all checks for the run's PR and stop every agent working on it. */
    ban: (body: StopAgentRunBody, options?: RequestOptions) => ban(withBody(body), options),

    /** Let check-suite events for the run's PR be processed again. */
    unban: (body: StopAgentRunBody, options?: RequestOptions) => unban(withBody(body), options),

    /** Remove Codegen from the run's PR. */
    removeFromPr: (body: StopAgentRunBody, options?: RequestOptions) => removeFromPr(withBody(body), options),

    /**
     * The run's logs (alpha endpoint): `await` for the run with its first page of logs, `for await` for every
     * log entry written so far. To watch a live run, use `followAgentRunLogs`.
     */
    logs: (agentRunId: number, query: AgentRunLogsQuery = {}, options?: RequestOptions & PageOptions) =>
      pagedList<AgentRunWithLogs, AgentRunLog>(
        logs,
        runPath(agentRunId),
        query,
        options,
        (page) => page.logs,
        (page) => page.total_logs,
      ),
  };
}
