import { requireOrgId, unwrap, type CoreClient } from "../core.js";
import { requestInit, type RequestOptions } from "./options.js";
import { PagedList, type PageOptions } from "./pagination.js";
import type { CheckSuiteSettingsBody, EditPullRequestBody, GenerateSetupCommandsBody } from "./types.js";

const op = <const M extends string, const P extends string>(method: M, path: P) => ({ method, path });

const ME = op("GET", "/v1/users/me");
const USER = op("GET", "/v1/organizations/{org_id}/users/{user_id}");
const USERS = op("GET", "/v1/organizations/{org_id}/users");
const ORGANIZATIONS = op("GET", "/v1/organizations");
const REPOSITORIES = op("GET", "/v1/organizations/{org_id}/repos");
const EDIT_PR = op("PATCH", "/v1/organizations/{org_id}/repos/{repo_id}/prs/{pr_id}");
const EDIT_PR_SIMPLE = op("PATCH", "/v1/organizations/{org_id}/prs/{pr_id}");
const SETUP_COMMANDS = op("POST", "/v1/organizations/{org_id}/setup-commands/generate");
const ANALYZE_LOGS = op("POST", "/v1/organizations/{org_id}/sandbox/{sandbox_id}/analyze-logs");
const INTEGRATIONS = op("GET", "/v1/organizations/{org_id}/integrations");
const CHECK_SUITE_GET = op("GET", "/v1/organizations/{org_id}/repos/check-suite-settings");
const CHECK_SUITE_PUT = op("PUT", "/v1/organizations/{org_id}/repos/check-suite-settings");
const CLI_RULES = op("GET", "/v1/organizations/{org_id}/cli/rules");
const SLACK_TOKEN = op("POST", "/v1/slack-connect/generate-token");
const OAUTH_STATUS = op("GET", "/v1/oauth/tokens/status");
const OAUTH_REVOKE = op("POST", "/v1/oauth/tokens/revoke");
const MCP_PROVIDERS = op("GET", "/v1/mcp-providers");

/** skip/limit of a list call; the rest of the page options go to `PagedList`. */
type Paging = { skip?: number; limit?: number };

/** Every operation that is not about agent runs, one short call each. */
export function resourceHelpers(core: CoreClient) {
  const org = (options: RequestOptions | undefined) => requireOrgId(core, options?.orgId);
  const init = requestInit;

  return {
    users: {
      /** The user the API token belongs to. */
      me: (options?: RequestOptions) => unwrap(core.api.GET(ME.path, init(options)), ME),
      get: (userId: number, options?: RequestOptions) =>
        unwrap(
          core.api.GET(USER.path, {
            params: { path: { org_id: org(options), user_id: userId } },
            ...init(options),
          }),
          USER,
        ),
      /** The organization's users: `await` for the first page, `for await` for every user. */
      list: (query: Paging = {}, options?: RequestOptions & PageOptions) => {
        const orgId = org(options);
        return new PagedList(
          {
            name: `${USERS.method} ${USERS.path}`,
            fetchPage: (skip, limit) =>
              unwrap(
                core.api.GET(USERS.path, {
                  params: { path: { org_id: orgId }, query: { skip, limit } },
                  ...init(options),
                }),
                USERS,
              ),
            items: (page) => page.items,
            total: (page) => page.total,
          },
          { ...query, maxItems: options?.maxItems },
        );
      },
    },

    organizations: {
      /** The organizations the token can act on: `await` for the first page, `for await` for all. */
      list: (query: Paging = {}, options?: Omit<RequestOptions, "orgId"> & PageOptions) =>
        new PagedList(
          {
            name: `${ORGANIZATIONS.method} ${ORGANIZATIONS.path}`,
            fetchPage: (skip, limit) =>
              unwrap(
                core.api.GET(ORGANIZATIONS.path, { params: { query: { skip, limit } }, ...init(options) }),
                ORGANIZATIONS,
              ),
            items: (page) => page.items,
            total: (page) => page.total,
          },
          { ...query, maxItems: options?.maxItems },
        ),
    },

    repositories: {
      /** The organization's repositories: `await` for the first page, `for await` for all. */
      list: (query: Paging = {}, options?: RequestOptions & PageOptions) => {
        const orgId = org(options);
        return new PagedList(
          {
            name: `${REPOSITORIES.method} ${REPOSITORIES.path}`,
            fetchPage: (skip, limit) =>
              unwrap(
                core.api.GET(REPOSITORIES.path, {
                  params: { path: { org_id: orgId }, query: { skip, limit } },
                  ...init(options),
                }),
                REPOSITORIES,
              ),
            items: (page) => page.items,
            total: (page) => page.total,
          },
          { ...query, maxItems: options?.maxItems },
        );
      },
    },

    pullRequests: {
      /**
       * Set a PR's state (open, closed, draft, ready_for_review). With `repoId` it uses the RESTful
       * /repos/{repo_id}/prs/{pr_id} endpoint, without it the simple /prs/{pr_id} one.
       */
      edit: (prId: number, body: EditPullRequestBody, options?: RequestOptions & { repoId?: number }) =>
        options?.repoId === undefined
          ? unwrap(
              core.api.PATCH(EDIT_PR_SIMPLE.path, {
                params: { path: { org_id: org(options), pr_id: prId } },
                body,
                ...init(options),
              }),
              EDIT_PR_SIMPLE,
            )
          : unwrap(
              core.api.PATCH(EDIT_PR.path, {
                params: { path: { org_id: org(options), repo_id: options.repoId, pr_id: prId } },
                body,
                ...init(options),
              }),
              EDIT_PR,
            ),
    },

    setupCommands: {
      /** Start an agent run that works out a repository's setup commands. */
      generate: (body: GenerateSetupCommandsBody, options?: RequestOptions) =>
        unwrap(
          core.api.POST(SETUP_COMMANDS.path, {
            params: { path: { org_id: org(options) } },
            body,
            ...init(options),
          }),
          SETUP_COMMANDS,
        ),
    },

    sandbox: {
      /** Start an agent run that analyzes a sandbox's setup logs. */
      analyzeLogs: (sandboxId: number, options?: RequestOptions) =>
        unwrap(
          core.api.POST(ANALYZE_LOGS.path, {
            params: { path: { org_id: org(options), sandbox_id: sandboxId } },
            ...init(options),
          }),
          ANALYZE_LOGS,
        ),
    },

    integrations: {
      /** The organization's integrations and whether each is active. */
      get: (options?: RequestOptions) =>
        unwrap(
          core.api.GET(INTEGRATIONS.path, { params: { path: { org_id: org(options) } }, ...init(options) }),
          INTEGRATIONS,
        ),
    },

    checkSuiteSettings: {
      get: (repoId: number, options?: RequestOptions) =>
        unwrap(
          core.api.GET(CHECK_SUITE_GET.path, {
            params: { path: { org_id: org(options) }, query: { repo_id: repoId } },
            ...init(options),
          }),
          CHECK_SUITE_GET,
        ),
      update: (repoId: number, body: CheckSuiteSettingsBody, options?: RequestOptions) =>
        unwrap(
          core.api.PUT(CHECK_SUITE_PUT.path, {
            params: { path: { org_id: org(options) }, query: { repo_id: repoId } },
            body,
            ...init(options),
          }),
          CHECK_SUITE_PUT,
        ),
    },

    cliRules: {
      /** The organization's rules and the user's custom prompt, as the CLI applies them. */
      get: (options?: RequestOptions) =>
        unwrap(
          core.api.GET(CLI_RULES.path, { params: { path: { org_id: org(options) } }, ...init(options) }),
          CLI_RULES,
        ),
    },

    slackConnect: {
      /** A short-lived token that connects a Slack workspace to the organization. */
      generateToken: (options?: RequestOptions) =>
        unwrap(
          core.api.POST(SLACK_TOKEN.path, { body: { org_id: org(options) }, ...init(options) }),
          SLACK_TOKEN,
        ),
    },

    oauthTokens: {
      /** Which OAuth providers the organization holds tokens for. */
      status: (options?: RequestOptions) =>
        unwrap(
          core.api.GET(OAUTH_STATUS.path, { params: { query: { org_id: org(options) } }, ...init(options) }),
          OAUTH_STATUS,
        ),
      revoke: (provider: string, options?: RequestOptions) =>
        unwrap(
          core.api.POST(OAUTH_REVOKE.path, {
            params: { query: { provider, org_id: org(options) } },
            ...init(options),
          }),
          OAUTH_REVOKE,
        ),
    },

    mcpProviders: {
      /** The MCP (OAuth) providers an organization can connect. */
      list: (options?: Omit<RequestOptions, "orgId">) =>
        unwrap(core.api.GET(MCP_PROVIDERS.path, init(options)), MCP_PROVIDERS),
    },
  };
}
