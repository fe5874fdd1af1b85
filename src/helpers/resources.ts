import type { CoreClient } from "../core.js";
import type { AgentRunLog, AgentRunWithLogs } from "../types.js";
import { operation, type Build, type RequestOptions } from "./options.js";
import { pagedList, type PageOptions, type Paging } from "./pagination.js";
import type {
  AgentRunLogsQuery,
  CheckSuiteSettingsBody,
  CreateAgentRunBody,
  EditPullRequestBody,
  GenerateSetupCommandsBody,
  ListAgentRunsQuery,
  ResumeAgentRunBody,
  StopAgentRunBody,
} from "./types.js";

type Options = RequestOptions;
type NoOrg = Omit<RequestOptions, "orgId">;
type ListOptions = RequestOptions & PageOptions;

/** Params of an org-scoped path: `{ org_id }` plus the call's own path params, query and body. */
const inOrg =
  (path: object = {}, rest: { query?: object; body?: unknown } = {}): Build =>
  (org) => ({ params: { path: { org_id: org(), ...path }, query: rest.query }, body: rest.body });
const none: Build = () => ({});

/** One short call per documented operation. */
export function resourceHelpers(core: CoreClient) {
  const org = "/v1/organizations/{org_id}" as const;
  const createRun = operation(core, "post", `${org}/agent/run`);
  const getRun = operation(core, "get", `${org}/agent/run/{agent_run_id}`);
  const listRuns = operation(core, "get", `${org}/agent/runs`);
  const resume = operation(core, "post", `${org}/agent/run/resume`);
  const ban = operation(core, "post", `${org}/agent/run/ban`);
  const unban = operation(core, "post", `${org}/agent/run/unban`);
  const removeFromPr = operation(core, "post", `${org}/agent/run/remove-from-pr`);
  const logs = operation(core, "get", "/v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs");
  const me = operation(core, "get", "/v1/users/me");
  const user = operation(core, "get", `${org}/users/{user_id}`);
  const users = operation(core, "get", `${org}/users`);
  const organizations = operation(core, "get", "/v1/organizations");
  const repositories = operation(core, "get", `${org}/repos`);
  const editPr = operation(core, "patch", `${org}/repos/{repo_id}/prs/{pr_id}`);
  const editPrSimple = operation(core, "patch", `${org}/prs/{pr_id}`);
  const setupCommands = operation(core, "post", `${org}/setup-commands/generate`);
  const analyzeLogs = operation(core, "post", `${org}/sandbox/{sandbox_id}/analyze-logs`);
  const integrations = operation(core, "get", `${org}/integrations`);
  const checkSuiteGet = operation(core, "get", `${org}/repos/check-suite-settings`);
  const checkSuitePut = operation(core, "put", `${org}/repos/check-suite-settings`);
  const cliRules = operation(core, "get", `${org}/cli/rules`);
  const slackToken = operation(core, "post", "/v1/slack-connect/generate-token");
  const oauthStatus = operation(core, "get", "/v1/oauth/tokens/status");
  const oauthRevoke = operation(core, "post", "/v1/oauth/tokens/revoke");
  const mcpProviders = operation(core, "get", "/v1/mcp-providers");

  return {
    agentRuns: {
      /** Start an agent run (`prompt`, `repo_id`, `model`, `agent_type`, `images`, `metadata`). */
      create: (body: CreateAgentRunBody, options?: Options) => createRun(inOrg({}, { body }), options),
      /** The run's current status, result, summary and pull requests. */
      get: (agentRunId: number, options?: Options) => getRun(inOrg({ agent_run_id: agentRunId }), options),
      /** Agent runs, newest first: `await` for the first page, `for await` for every run. */
      list: (query: ListAgentRunsQuery = {}, options?: ListOptions) =>
        pagedList(listRuns, inOrg(), query, options),
      /** Send a follow-up prompt to a paused or finished run. */
      resume: (body: ResumeAgentRunBody, options?: Options) => resume(inOrg({}, { body }), options),
      /** Ban all checks for the run's PR and stop every agent working on it. */
      ban: (body: StopAgentRunBody, options?: Options) => ban(inOrg({}, { body }), options),
      /** Let check-suite events for the run's PR be processed again. */
      unban: (body: StopAgentRunBody, options?: Options) => unban(inOrg({}, { body }), options),
      /** Remove Codegen from the run's PR. */
      removeFromPr: (body: StopAgentRunBody, options?: Options) => removeFromPr(inOrg({}, { body }), options),
      /**
       * The run's logs (alpha endpoint): `await` for the run with its first page of logs, `for await` for every
       * log entry written so far. To watch a live run, use `followAgentRunLogs`.
       */
      logs: (agentRunId: number, query: AgentRunLogsQuery = {}, options?: ListOptions) =>
        pagedList<AgentRunWithLogs, AgentRunLog>(
          logs,
          inOrg({ agent_run_id: agentRunId }),
          query,
          options,
          (page) => page.logs,
          (page) => page.total_logs,
        ),
    },

    users: {
      /** The user the API token belongs to. */
      me: (options?: NoOrg) => me(none, options),
      get: (userId: number, options?: Options) => user(inOrg({ user_id: userId }), options),
      /** The organization's users: `await` for the first page, `for await` for every user. */
      list: (query: Paging = {}, options?: ListOptions) => pagedList(users, inOrg(), query, options),
    },

    organizations: {
      /** The organizations the token can act on: `await` for the first page, `for await` for all. */
      list: (query: Paging = {}, options?: NoOrg & PageOptions) =>
        pagedList(organizations, none, query, options),
    },

    repositories: {
      /** The organization's repositories: `await` for the first page, `for await` for all. */
      list: (query: Paging = {}, options?: ListOptions) => pagedList(repositories, inOrg(), query, options),
    },

    pullRequests: {
      /**
       * Set a PR's state (open, closed, draft, ready_for_review). With `repoId` it uses the RESTful
       * /repos/{repo_id}/prs/{pr_id} endpoint, without it the simple /prs/{pr_id} one.
       */
      edit: (prId: number, body: EditPullRequestBody, options?: Options & { repoId?: number }) =>
        options?.repoId === undefined
          ? editPrSimple(inOrg({ pr_id: prId }, { body }), options)
          : editPr(inOrg({ repo_id: options.repoId, pr_id: prId }, { body }), options),
    },

    setupCommands: {
      /** Start an agent run that works out a repository's setup commands. */
      generate: (body: GenerateSetupCommandsBody, options?: Options) =>
        setupCommands(inOrg({}, { body }), options),
    },

    sandbox: {
      /** Start an agent run that analyzes a sandbox's setup logs. */
      analyzeLogs: (sandboxId: number, options?: Options) =>
        analyzeLogs(inOrg({ sandbox_id: sandboxId }), options),
    },

    integrations: {
      /** The organization's integrations and whether each is active. */
      get: (options?: Options) => integrations(inOrg(), options),
    },

    checkSuiteSettings: {
      get: (repoId: number, options?: Options) =>
        checkSuiteGet(inOrg({}, { query: { repo_id: repoId } }), options),
      update: (repoId: number, body: CheckSuiteSettingsBody, options?: Options) =>
        checkSuitePut(inOrg({}, { query: { repo_id: repoId }, body }), options),
    },

    cliRules: {
      /** The organization's rules and the user's custom prompt, as the CLI applies them. */
      get: (options?: Options) => cliRules(inOrg(), options),
    },

    slackConnect: {
      /** A short-lived token that connects a Slack workspace to the organization. */
      generateToken: (options?: Options) => slackToken((org) => ({ body: { org_id: org() } }), options),
    },

    oauthTokens: {
      /** Which OAuth providers the organization holds tokens for. */
      status: (options?: Options) =>
        oauthStatus((org) => ({ params: { query: { org_id: org() } } }), options),
      revoke: (provider: string, options?: Options) =>
        oauthRevoke((org) => ({ params: { query: { provider, org_id: org() } } }), options),
    },

    mcpProviders: {
      /** The MCP (OAuth) providers an organization can connect. */
      list: (options?: NoOrg) => mcpProviders(none, options),
    },
  };
}

export type AgentRunHelpers = ReturnType<typeof resourceHelpers>["agentRuns"];
