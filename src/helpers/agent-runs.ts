import { requireOrgId, unwrap, type CoreClient } from "../core.js";
import { requestInit, type RequestOptions } from "./options.js";
import { PagedList, type PageOptions } from "./pagination.js";
import type {
  AgentRunLog,
  AgentRunLogsQuery,
  AgentRunWithLogs,
  CreateAgentRunBody,
  ListAgentRunsQuery,
  ResumeAgentRunBody,
  StopAgentRunBody,
} from "./types.js";

const CREATE = { method: "POST", path: "/v1/organizations/{org_id}/agent/run" } as const;
const GET = { method: "GET", path: "/v1/organizations/{org_id}/agent/run/{agent_run_id}" } as const;
const LIST = { method: "GET", path: "/v1/organizations/{org_id}/agent/runs" } as const;
const RESUME = { method: "POST", path: "/v1/organizations/{org_id}/agent/run/resume" } as const;
const BAN = { method: "POST", path: "/v1/organizations/{org_id}/agent/run/ban" } as const;
const UNBAN = { method: "POST", path: "/v1/organizations/{org_id}/agent/run/unban" } as const;
const REMOVE_FROM_PR = {
  method: "POST",
  path: "/v1/organizations/{org_id}/agent/run/remove-from-pr",
} as const;
const LOGS = {
  method: "GET",
  path: "/v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs",
} as const;

export type AgentRunHelpers = ReturnType<typeof agentRunHelpers>;

export function agentRunHelpers(core: CoreClient) {
  const orgPath = (options: RequestOptions | undefined) => ({ org_id: requireOrgId(core, options?.orgId) });

  return {
    /** Start an agent run (`prompt`, `repo_id`, `model`, `agent_type`, `images`, `metadata`). */
    create: (body: CreateAgentRunBody, options?: RequestOptions) =>
      unwrap(
        core.api.POST(CREATE.path, { params: { path: orgPath(options) }, body, ...requestInit(options) }),
        CREATE,
      ),

    /** The run's current status, result, summary and pull requests. */
    get: (agentRunId: number, options?: RequestOptions) =>
      unwrap(
        core.api.GET(GET.path, {
          params: { path: { ...orgPath(options), agent_run_id: agentRunId } },
          ...requestInit(options),
        }),
        GET,
      ),

    /** Agent runs, newest first: `await` for the first page, `for await` for every run. */
    list: (query: ListAgentRunsQuery = {}, options?: RequestOptions & PageOptions) => {
      const path = orgPath(options);
      const { skip, limit, ...filters } = query;
      return new PagedList(
        {
          name: `${LIST.method} ${LIST.path}`,
          fetchPage: (skip, limit) =>
            unwrap(
              core.api.GET(LIST.path, {
                params: { path, query: { ...filters, skip, limit } },
                ...requestInit(options),
              }),
              LIST,
            ),
          items: (page) => page.items,
          total: (page) => page.total,
        },
        { skip, limit, maxItems: options?.maxItems },
      );
    },

    /** Send a follow-up prompt to a paused or finished run. */
    resume: (body: ResumeAgentRunBody, options?: RequestOptions) =>
      unwrap(
        core.api.POST(RESUME.path, { params: { path: orgPath(options) }, body, ...requestInit(options) }),
        RESUME,
      ),

    /** Ban all checks for the run's PR and stop every agent working on it. */
    ban: (body: StopAgentRunBody, options?: RequestOptions) =>
      unwrap(
        core.api.POST(BAN.path, { params: { path: orgPath(options) }, body, ...requestInit(options) }),
        BAN,
      ),

    /** Let check-suite events for the run's PR be processed again. */
    unban: (body: StopAgentRunBody, options?: RequestOptions) =>
      unwrap(
        core.api.POST(UNBAN.path, { params: { path: orgPath(options) }, body, ...requestInit(options) }),
        UNBAN,
      ),

    /** Remove Codegen from the run's PR. */
    removeFromPr: (body: StopAgentRunBody, options?: RequestOptions) =>
      unwrap(
        core.api.POST(REMOVE_FROM_PR.path, {
          params: { path: orgPath(options) },
          body,
          ...requestInit(options),
        }),
        REMOVE_FROM_PR,
      ),

    /**
     * The run's logs (alpha endpoint): `await` for the run with its first page of logs, `for await` for every
     * log entry written so far. To watch a live run, use `followAgentRunLogs`.
     */
    logs: (agentRunId: number, query: AgentRunLogsQuery = {}, options?: RequestOptions & PageOptions) => {
      const path = { ...orgPath(options), agent_run_id: agentRunId };
      const { skip, limit, ...rest } = query;
      return new PagedList<AgentRunWithLogs, AgentRunLog>(
        {
          name: `${LOGS.method} ${LOGS.path}`,
          fetchPage: (skip, limit) =>
            unwrap(
              core.api.GET(LOGS.path, {
                params: { path, query: { ...rest, skip, limit } },
                ...requestInit(options),
              }),
              LOGS,
            ),
          items: (page) => page.logs,
          total: (page) => page.total_logs,
        },
        { skip, limit, maxItems: options?.maxItems },
      );
    },
  };
}
