import type { CoreClient } from "../core.js";
import { operation, type RequestOptions } from "./options.js";
import { pagedItems, type PageOptions, type Paging } from "./pagination.js";
import type { CheckSuiteSettingsBody, EditPullRequestBody, GenerateSetupCommandsBody } from "./types.js";

const orgPath = (org: () => number) => ({ params: { path: { org_id: org() } } });

/** Every operation that is not about agent runs, one short call each. */
export function resourceHelpers(core: CoreClient) {
  const me = operation(core, "get", "/v1/users/me");
  const user = operation(core, "get", "/v1/organizations/{org_id}/users/{user_id}");
  const users = operation(core, "get", "/v1/organizations/{org_id}/users");
  const organizations = operation(core, "get", "/v1/organizations");
  const repositories = operation(core, "get", "/v1/organizations/{org_id}/repos");
  const editPr = operation(core, "patch", "/v1/organizations/{org_id}/repos/{repo_id}/prs/{pr_id}");
  const editPrSimple = operation(core, "patch", "/v1/organizations/{org_id}/prs/{pr_id}");
  const setupCommands = operation(core, "post", "/v1/organizations/{org_id}/setup-commands/generate");
  const analyzeLogs = operation(core, "post", "/v1/organizations/{org_id}/sandbox/{sandbox_id}/analyze-logs");
  const integrations = operation(core, "get", "/v1/organizations/{org_id}/integrations");
  const checkSuite = "/v1/organizations/{org_id}/repos/check-suite-settings" as const;
  const checkSuiteGet = operation(core, "get", checkSuite);
  const checkSuitePut = operation(core, "put", checkSuite);
  const cliRules = operation(core, "get", "/v1/organizations/{org_id}/cli/rules");
  const slackToken = operation(core, "post", "/v1/slack-connect/generate-token");
  const oauthStatus = operation(core, "get", "/v1/oauth/tokens/status");
  const oauthRevoke = operation(core, "post", "/v1/oauth/tokens/revoke");
  const mcpProviders = operation(core, "get", "/v1/mcp-providers");

  return {
    users: {
      /** The user the API token belongs to. */
      me: (options?: Omit<RequestOptions, "orgId">) => me(() => ({}), options),
      get: (userId: number, options?: RequestOptions) =>
        user((org) => ({ params: { path: { org_id: org(), user_id: userId } } }), options),
      /** The organization's users: `await` for the first page, `for await` for every user. */
      list: (query: Paging = {}, options?: RequestOptions & PageOptions) =>
        pagedItems(users, orgPath, query, options),
    },

    organizations: {
      /** The organizations the token can act on: `await` for the first page, `for await` for all. */
      list: (query: Paging = {}, options?: Omit<RequestOptions, "orgId"> & PageOptions) =>
        pagedItems(organizations, () => ({}), query, options),
    },

    repositories: {
      /** The organization's repositories: `await` for the first page, `for await` for all. */
      list: (query: Paging = {}, options?: RequestOptions & PageOptions) =>
        pagedItems(repositories, orgPath, query, options),
    },

    pullRequests: {
      /**
       * Set a PR's state (open, closed, draft, ready_for_review). With `repoId` it uses the RESTful
       * /repos/{repo_id}/prs/{pr_id} endpoint, without it the simple /prs/{pr_id} one.
       */
      edit: (prId: number, body: EditPullRequestBody, options?: RequestOptions & { repoId?: number }) => {
        const repoId = options?.repoId;
        return repoId === undefined
          ? editPrSimple((org) => ({ params: { path: { org_id: org(), pr_id: prId } }, body }), options)
          : editPr(
              (org) => ({ params: { path: { org_id: org(), repo_id: repoId, pr_id: prId } }, body }),
              options,
            );
      },
    },

    setupCommands: {
      /** Start an agent run that works out a repository's setup commands. */
      generate: (body: GenerateSetupCommandsBody, options?: RequestOptions) =>
        setupCommands((org) => ({ ...orgPath(org), body }), options),
    },

    sandbox: {
      /** Start an agent run that analyzes a sandbox's setup logs. */
      analyzeLogs: (sandboxId: number, options?: RequestOptions) =>
        analyzeLogs((org) => ({ params: { path: { org_id: org(), sandbox_id: sandboxId } } }), options),
    },

    integrations: {
      /** The organization's integrations and whether each is active. */
      get: (options?: RequestOptions) => integrations(orgPath, options),
    },

    checkSuiteSettings: {
      get: (repoId: number, options?: RequestOptions) =>
        checkSuiteGet(
          (org) => ({ params: { path: { org_id: org() }, query: { repo_id: repoId } } }),
          options,
        ),
      update: (repoId: number, body: CheckSuiteSettingsBody, options?: RequestOptions) =>
        checkSuitePut(
          (org) => ({ params: { path: { org_id: org() }, query: { repo_id: repoId } }, body }),
          options,
        ),
    },

    cliRules: {
      /** The organization's rules and the user's custom prompt, as the CLI applies them. */
      get: (options?: RequestOptions) => cliRules(orgPath, options),
    },

    slackConnect: {
      /** A short-lived token that connects a Slack workspace to the organization. */
      generateToken: (options?: RequestOptions) =>
        slackToken((org) => ({ body: { org_id: org() } }), options),
    },

    oauthTokens: {
      /** Which OAuth providers the organization holds tokens for. */
      status: (options?: RequestOptions) =>
        oauthStatus((org) => ({ params: { query: { org_id: org() } } }), options),
      revoke: (provider: string, options?: RequestOptions) =>
        oauthRevoke((org) => ({ params: { query: { provider, org_id: org() } } }), options),
    },

    mcpProviders: {
      /** The MCP (OAuth) providers an organization can connect. */
      list: (options?: Omit<RequestOptions, "orgId">) => mcpProviders(() => ({}), options),
    },
  };
}
