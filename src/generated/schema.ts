export interface paths {
  "/v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Agent Run Logs
     * @description Retrieve an agent run with its logs using pagination. This endpoint is currently in ALPHA and IS subject to change.
     *
     *     Returns the agent run details along with a paginated list of logs for the specified agent run.
     *     The agent run must belong to the specified organization. Logs are returned in chronological order.
     *     Uses standard pagination parameters (skip and limit) and includes pagination metadata in the response.
     *
     *     Rate limit: 60 requests per 60 seconds.
     */
    get: operations["get_agent_run_logs_v1_alpha_organizations__org_id__agent_run__agent_run_id__logs_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/mcp-providers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Mcp Providers
     * @description Get all MCP providers from oauth_providers table.
     *
     *     Returns only providers with is_mcp=True.
     */
    get: operations["get_mcp_providers_v1_mcp_providers_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/oauth/tokens/revoke": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke Oauth Token
     * @description Revoke/disconnect an OAuth token for a specific provider.
     *
     *     Marks ALL tokens as inactive (is_active=False) for the current user and organization.
     */
    post: operations["revoke_oauth_token_v1_oauth_tokens_revoke_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/oauth/tokens/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Oauth Token Status
     * @description Get list of providers that have active OAuth tokens for the current user and organization.
     *
     *     Returns a list of provider names that are connected.
     */
    get: operations["get_oauth_token_status_v1_oauth_tokens_status_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Organizations
     * @description Get organizations for the authenticated user.
     *
     *     Returns a paginated list of all organizations that the authenticated user is a member of.
     *     Results include basic organization details such as name, ID, and membership information.
     *     Use pagination parameters to control the number of results returned.
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["get_organizations_v1_organizations_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/agent/run": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create Agent Run
     * @description Create a new agent run.
     *
     *     Creates and initiates a long-running agent process based on the provided prompt.
     *     The process will complete asynchronously, and the response contains the agent run ID
     *     which can be used to check the status later. The requesting user must be a member
     *     of the specified organization.
     *
     *     This endpoint accepts both a text prompt and an optional image file upload.
     *
     *     Rate limit: 10 requests per minute.
     */
    post: operations["create_agent_run_v1_organizations__org_id__agent_run_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/agent/run/ban": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ban All Checks For Agent Run
     * @description Ban all checks for a PR and stop all related agents.
     *
     *     This endpoint:
     *     1. Flags the PR to prevent future CI/CD check suite events from being processed
     *     2. Stops all current agents for that PR
     */
    post: operations["ban_all_checks_for_agent_run_v1_organizations__org_id__agent_run_ban_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/agent/run/remove-from-pr": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Remove Codegen From Pr
     * @description Remove Codegen from a PR.
     *
     *     This endpoint performs the same action as banning all checks but with more user-friendly naming.
     *     It:
     *     1. Flags the PR to prevent future CI/CD check suite events from being processed
     *     2. Stops all current agents for that PR
     */
    post: operations["remove_codegen_from_pr_v1_organizations__org_id__agent_run_remove_from_pr_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/agent/run/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume Agent Run
     * @description Resume a paused agent run.
     *
     *     Resumes a paused agent run, allowing it to continue processing.
     *
     *     Note: Setup commands agents are automatically routed to their dedicated resume function.
     */
    post: operations["resume_agent_run_v1_organizations__org_id__agent_run_resume_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/agent/run/unban": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Unban All Checks For Agent Run
     * @description Unban all checks for a PR.
     *
     *     This endpoint:
     *     1. Removes the ban flag from the PR to allow future CI/CD check suite events to be processed
     *     2. Handles both URL-based bans and parent-agent-run-based bans
     */
    post: operations["unban_all_checks_for_agent_run_v1_organizations__org_id__agent_run_unban_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/agent/run/{agent_run_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Agent Run
     * @description Retrieve the status and result of an agent run.
     *
     *     Returns the current status, progress, and any available results for the specified agent run.
     *     The agent run must belong to the specified organization. If the agent run is still in progress,
     *     this endpoint can be polled to check for completion.
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["get_agent_run_v1_organizations__org_id__agent_run__agent_run_id__get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/agent/runs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List Agent Runs
     * @description List agent runs for an organization with optional user filtering.
     *
     *     Returns a paginated list of agent runs for the specified organization.
     *     Optionally filter by user_id to get only agent runs initiated by a specific user.
     *     Results are ordered by creation date (newest first).
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["list_agent_runs_v1_organizations__org_id__agent_runs_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/cli/rules": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Cli Rules
     * @description Get organization and user rules for CLI applications.
     *
     *     This endpoint is designed for CLI applications that need to fetch both organization-specific
     *     rules and user-specific custom prompts that are used in prompts. This includes:
     *
     *     - Organization rules: Same as MCP organization_rules prompt and agent prompt builders
     *     - User custom prompt: Same as MCP user_custom_prompt and agent prompt builders
     *
     *     Returns the rules and prompts that should be followed by AI agents.
     *
     *     Rate limit: 30 requests per minute.
     */
    get: operations["get_cli_rules_v1_organizations__org_id__cli_rules_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/integrations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Organization Integrations Endpoint
     * @description Get all integration statuses for the given organization.
     *
     *     Returns a comprehensive overview of all integrations configured for the organization,
     *     including:
     *     - OAuth-based integrations (Slack, Linear, Notion, Figma, ClickUp, Jira, Sentry, Monday.com)
     *     - GitHub app installations
     *     - API key-based integrations (CircleCI)
     *     - Database connections (PostgreSQL)
     *
     *     Each integration includes its current status (active/inactive), associated token/installation IDs,
     *     and relevant metadata such as app names, organization names, etc.
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["get_organization_integrations_endpoint_v1_organizations__org_id__integrations_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/prs/{pr_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit Pull Request Simple
     * @description Edit pull request properties (simple endpoint).
     *
     *     Update the state of a pull request (open, closed, draft, ready_for_review).
     *     This endpoint only requires the PR ID, not the repo ID.
     *     The requesting user must have write permissions to the repository.
     *
     *     Rate limit: 30 requests per minute.
     */
    patch: operations["edit_pull_request_simple_v1_organizations__org_id__prs__pr_id__patch"];
    trace?: never;
  };
  "/v1/organizations/{org_id}/repos": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Repositories
     * @description Get repositories for the specified organization.
     *
     *     Returns a paginated list of all repositories that belong to the specified organization.
     *     Results include repository details such as name, ID, description, visibility, and setup status.
     *     Use pagination parameters to control the number of results returned.
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["get_repositories_v1_organizations__org_id__repos_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/repos/check-suite-settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Check Suite Settings
     * @description Get check suite settings for a repository.
     */
    get: operations["get_check_suite_settings_v1_organizations__org_id__repos_check_suite_settings_get"];
    /**
     * Update Check Suite Settings
     * @description Update check suite settings for a repository.
     */
    put: operations["update_check_suite_settings_v1_organizations__org_id__repos_check_suite_settings_put"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/repos/{repo_id}/prs/{pr_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit Pull Request
     * @description Edit pull request properties (RESTful endpoint).
     *
     *     Update the state of a pull request (open, closed, draft, ready_for_review).
     *     This endpoint requires both repo_id and pr_id for RESTful compliance.
     *     The requesting user must have write permissions to the repository.
     *
     *     Rate limit: 30 requests per minute.
     */
    patch: operations["edit_pull_request_v1_organizations__org_id__repos__repo_id__prs__pr_id__patch"];
    trace?: never;
  };
  "/v1/organizations/{org_id}/sandbox/{sandbox_id}/analyze-logs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Analyze Sandbox Logs
     * @description Analyze sandbox setup logs using an AI agent.
     *
     *     This endpoint creates an AI agent that will analyze the setup logs from a sandbox,
     *     identify any errors, provide insights about what went wrong, and suggest potential
     *     solutions. The analysis runs asynchronously and results can be retrieved using the
     *     returned agent run ID.
     *
     *     Rate limit: 5 requests per minute.
     */
    post: operations["analyze_sandbox_logs_v1_organizations__org_id__sandbox__sandbox_id__analyze_logs_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/setup-commands/generate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Generate Setup Commands
     * @description Generate setup commands for a repository.
     *
     *     Creates and initiates a setup command generation agent for the specified repository.
     *     The agent will analyze the repository structure and generate appropriate setup commands.
     *
     *     Rate limit: 5 requests per minute.
     */
    post: operations["generate_setup_commands_v1_organizations__org_id__setup_commands_generate_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Users
     * @description Get users for the specified organization.
     *
     *     Returns a paginated list of all users that belong to the specified organization.
     *     Results include user details such as name, email, GitHub username, and avatar.
     *     Use pagination parameters to control the number of results returned.
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["get_users_v1_organizations__org_id__users_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/organizations/{org_id}/users/{user_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get User
     * @description Get details for a specific user in an organization.
     *
     *     Returns detailed information about a user within the specified organization.
     *     The requesting user must be a member of the organization to access this endpoint.
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["get_user_v1_organizations__org_id__users__user_id__get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/slack-connect/generate-token": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Generate Slack Connect Token Endpoint
     * @description Generate a temporary token for Slack account connection.
     *
     *     This token:
     *     - Expires in 10 minutes
     *     - Can only be used once
     *     - Must be sent to the Codegen bot in a DM with format: "Connect my account: {token}"
     */
    post: operations["generate_slack_connect_token_endpoint_v1_slack_connect_generate_token_post"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/users/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Current User Info
     * @description Get current user information from API token.
     *
     *     Returns detailed information about the user associated with the provided API token.
     *     This is useful for applications that need to identify the current user from their API token.
     *
     *     Rate limit: 60 requests per 30 seconds.
     */
    get: operations["get_current_user_info_v1_users_me_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** APIRateLimitErrorResponse */
    APIRateLimitErrorResponse: {
      /**
       * Message
       * @default Rate limit exceeded. Please try again later.
       */
      message?: string;
      /**
       * Status Code
       * @default 429
       */
      status_code?: number;
    };
    /** AgentRunLimitReachedErrorResponse */
    AgentRunLimitReachedErrorResponse: {
      /**
       * Message
       * @default Alloted agent runs for the current billing plan have been reached. Please upgrade your plan to continue.
       */
      message?: string;
      /**
       * Status Code
       * @default 402
       */
      status_code?: number;
    };
    /**
     * AgentRunLogResponse
     * @description Represents an agent run log in API responses
     */
    AgentRunLogResponse: {
      /** Agent Run Id */
      agent_run_id: number;
      /** Created At */
      created_at?: string | null;
      /** Tool Name */
      tool_name?: string | null;
      /** Message Type */
      message_type?: string | null;
      /** Thought */
      thought?: string | null;
      /** Observation */
      observation?:
        | {
            [key: string]: unknown;
          }
        | string
        | null;
      /** Tool Input */
      tool_input?: {
        [key: string]: unknown;
      } | null;
      /** Tool Output */
      tool_output?: {
        [key: string]: unknown;
      } | null;
    };
    /** AgentRunNotFoundErrorResponse */
    AgentRunNotFoundErrorResponse: {
      /**
       * Message
       * @default Agent run not found.
       */
      message?: string;
      /**
       * Status Code
       * @default 404
       */
      status_code?: number;
    };
    /**
     * AgentRunResponse
     * @description Represents an agent run in API responses
     */
    AgentRunResponse: {
      /** Id */
      id: number;
      /** Organization Id */
      organization_id: number;
      /** Status */
      status?: string | null;
      /** Created At */
      created_at?: string | null;
      /** Web Url */
      web_url?: string | null;
      /** Result */
      result?: string | null;
      /** Summary */
      summary?: string | null;
      source_type?: components["schemas"]["ApiAgentRunSourceType"] | null;
      /** Github Pull Requests */
      github_pull_requests?: components["schemas"]["GithubPullRequestResponse"][] | null;
      /** Metadata */
      metadata?: {
        [key: string]: unknown;
      } | null;
    };
    /**
     * AgentRunWithLogsResponse
     * @description Represents an agent run in API responses
     */
    AgentRunWithLogsResponse: {
      /** Id */
      id: number;
      /** Organization Id */
      organization_id: number;
      /** Status */
      status?: string | null;
      /** Created At */
      created_at?: string | null;
      /** Web Url */
      web_url?: string | null;
      /** Result */
      result?: string | null;
      /** Metadata */
      metadata?: {
        [key: string]: unknown;
      } | null;
      /** Logs */
      logs: components["schemas"]["AgentRunLogResponse"][];
      /** Total Logs */
      total_logs?: number | null;
      /** Page */
      page?: number | null;
      /** Size */
      size?: number | null;
      /** Pages */
      pages?: number | null;
    };
    /** AnalyzeLogsResponse */
    AnalyzeLogsResponse: {
      /**
       * Agent Run Id
       * @description The ID of the agent run analyzing the logs
       */
      agent_run_id: number;
      /**
       * Status
       * @description The status of the agent run
       */
      status: string;
      /**
       * Message
       * @description Information about the analysis process
       */
      message: string;
    };
    /**
     * ApiAgentRunSourceType
     * @enum {string}
     */
    ApiAgentRunSourceType:
      | "LOCAL"
      | "SLACK"
      | "GITHUB"
      | "GITHUB_CHECK_SUITE"
      | "GITHUB_PR_REVIEW"
      | "LINEAR"
      | "API"
      | "CHAT"
      | "JIRA"
      | "CLICKUP"
      | "MONDAY"
      | "SETUP_COMMANDS";
    /**
     * CLIRulesResponse
     * @description Response model for CLI rules containing organization and user rules.
     */
    CLIRulesResponse: {
      /** Organization Rules */
      organization_rules: string | null;
      /** User Custom Prompt */
      user_custom_prompt: string | null;
    };
    /**
     * CheckSuiteSettingsRequest
     * @description Request model for updating check suite settings.
     */
    CheckSuiteSettingsRequest: {
      /**
       * Check Retry Count
       * @description Global retry count for failed checks
       */
      check_retry_count?: number | null;
      /**
       * Ignored Checks
       * @description List of check names to ignore
       */
      ignored_checks?: string[] | null;
      /**
       * Check Retry Counts
       * @description Per-check retry counts
       */
      check_retry_counts?: {
        [key: string]: number;
      } | null;
      /**
       * Custom Prompts
       * @description Custom prompts per check
       */
      custom_prompts?: {
        [key: string]: string;
      } | null;
      /**
       * High Priority Apps
       * @description Apps that trigger immediate processing on failure
       */
      high_priority_apps?: string[] | null;
    };
    /**
     * CheckSuiteSettingsResponse
     * @description Response model for check suite settings.
     */
    CheckSuiteSettingsResponse: {
      /** Check Retry Count */
      check_retry_count: number;
      /** Ignored Checks */
      ignored_checks: string[];
      /** Check Retry Counts */
      check_retry_counts: {
        [key: string]: number;
      };
      /** Custom Prompts */
      custom_prompts: {
        [key: string]: string;
      };
      /** High Priority Apps */
      high_priority_apps: string[];
      /** Available Check Suite Names */
      available_check_suite_names: string[];
    };
    /** CreateAgentRunInput */
    CreateAgentRunInput: {
      /** Prompt */
      prompt: string;
      /**
       * Images
       * @description List of base64 encoded data URIs representing images to be processed by the agent
       */
      images?: string[] | null;
      /**
       * Metadata
       * @description Arbitrary JSON metadata to be stored with the agent run
       */
      metadata?: {
        [key: string]: unknown;
      } | null;
      /**
       * Repo Id
       * @description ID of the repository to use for the agent run
       */
      repo_id?: number | null;
      /**
       * Model
       * @description Model to use for this agent run (optional, uses org default if not specified)
       */
      model?: string | null;
      /**
       * Agent Type
       * @description Type of agent to use for this agent run (optional, uses org default if not specified)
       */
      agent_type?: ("codegen" | "claude_code") | null;
    };
    /**
     * EditPRInput
     * @description Input for editing PR properties.
     */
    EditPRInput: {
      /**
       * State
       * @enum {string}
       */
      state: "open" | "closed" | "draft" | "ready_for_review";
    };
    /**
     * EditPRResponse
     * @description Response from editing PR properties.
     */
    EditPRResponse: {
      /** Success */
      success: boolean;
      /** Url */
      url?: string | null;
      /** Number */
      number?: number | null;
      /** Title */
      title?: string | null;
      /** State */
      state?: string | null;
      /** Error */
      error?: string | null;
    };
    /**
     * GenerateSetupCommandsInput
     * @description Input for generating setup commands.
     */
    GenerateSetupCommandsInput: {
      /** Repo Id */
      repo_id: number;
      /** Prompt */
      prompt?: string | null;
      /**
       * Trigger Source
       * @default setup-commands
       */
      trigger_source?: string;
    };
    /** GenerateTokenRequest */
    GenerateTokenRequest: {
      /** Org Id */
      org_id: number;
    };
    /** GenerateTokenResponse */
    GenerateTokenResponse: {
      /** Token */
      token: string;
      /** Message */
      message: string;
      /** Expires In Minutes */
      expires_in_minutes: number;
    };
    /** GithubPullRequestResponse */
    GithubPullRequestResponse: {
      /** Id */
      id: number;
      /** Title */
      title?: string | null;
      /** Url */
      url?: string | null;
      /** Created At */
      created_at: string;
      /** Head Branch Name */
      head_branch_name?: string | null;
    };
    /** HTTPValidationError */
    HTTPValidationError: {
      /** Detail */
      detail?: components["schemas"]["ValidationError"][];
    };
    /**
     * IntegrationStatus
     * @description Status information for a single integration.
     */
    IntegrationStatus: {
      /**
       * Integration Type
       * @description Type of integration (e.g., 'github', 'slack', 'linear', etc.)
       */
      integration_type: string;
      /**
       * Active
       * @description Whether the integration is currently active
       */
      active: boolean;
      /**
       * Token Id
       * @description ID of the associated token, if any
       */
      token_id?: number | null;
      /**
       * Installation Id
       * @description ID of the app installation, if applicable
       */
      installation_id?: number | null;
      /**
       * Metadata
       * @description Additional metadata about the integration
       */
      metadata?: {
        [key: string]: unknown;
      } | null;
    };
    /** NoReposFoundInOrgErrorResponse */
    NoReposFoundInOrgErrorResponse: {
      /**
       * Message
       * @default No repos found in the organization. Please add some repos and try again.
       */
      message?: string;
      /**
       * Status Code
       * @default 404
       */
      status_code?: number;
    };
    /**
     * OAuthProviderResponse
     * @description Response model for OAuth provider data.
     */
    OAuthProviderResponse: {
      /** Id */
      id: number;
      /** Name */
      name: string;
      /** Issuer */
      issuer: string;
      /** Authorization Endpoint */
      authorization_endpoint: string;
      /** Token Endpoint */
      token_endpoint: string;
      /** Default Scopes */
      default_scopes: string[] | null;
      /** Is Mcp */
      is_mcp: boolean;
      /** Meta */
      meta?: {
        [key: string]: unknown;
      } | null;
    };
    /**
     * OrganizationIntegrationsResponse
     * @description Response schema for organization integrations.
     */
    OrganizationIntegrationsResponse: {
      /**
       * Organization Id
       * @description ID of the organization
       */
      organization_id: number;
      /**
       * Organization Name
       * @description Name of the organization
       */
      organization_name: string;
      /**
       * Integrations
       * @description List of integration statuses
       */
      integrations: components["schemas"]["IntegrationStatus"][];
      /**
       * Total Active Integrations
       * @description Total number of active integrations
       */
      total_active_integrations: number;
    };
    /**
     * OrganizationResponse
     * @description Represents an organization in API responses
     */
    OrganizationResponse: {
      /** Id */
      id: number;
      /** Name */
      name: string;
      settings: components["schemas"]["OrganizationSettings"];
    };
    /** OrganizationSettings */
    OrganizationSettings: {
      /**
       * Enable Pr Creation
       * @default true
       */
      enable_pr_creation?: boolean;
      /**
       * Enable Rules Detection
       * @default true
       */
      enable_rules_detection?: boolean;
    };
    /** Page[AgentRunResponse] */
    Page_AgentRunResponse_: {
      /** Items */
      items: components["schemas"]["AgentRunResponse"][];
      /** Total */
      total: number;
      /** Page */
      page: number;
      /** Size */
      size: number;
      /** Pages */
      pages: number;
    };
    /** Page[OrganizationResponse] */
    Page_OrganizationResponse_: {
      /** Items */
      items: components["schemas"]["OrganizationResponse"][];
      /** Total */
      total: number;
      /** Page */
      page: number;
      /** Size */
      size: number;
      /** Pages */
      pages: number;
    };
    /** Page[RepoResponse] */
    Page_RepoResponse_: {
      /** Items */
      items: components["schemas"]["RepoResponse"][];
      /** Total */
      total: number;
      /** Page */
      page: number;
      /** Size */
      size: number;
      /** Pages */
      pages: number;
    };
    /** Page[UserResponse] */
    Page_UserResponse_: {
      /** Items */
      items: components["schemas"]["UserResponse"][];
      /** Total */
      total: number;
      /** Page */
      page: number;
      /** Size */
      size: number;
      /** Pages */
      pages: number;
    };
    /** PermissionsErrorResponse */
    PermissionsErrorResponse: {
      /**
       * Message
       * @default You do not have access to this organization.
       */
      message?: string;
      /**
       * Status Code
       * @default 403
       */
      status_code?: number;
    };
    /**
     * RepoResponse
     * @description Represents a repository in API responses
     */
    RepoResponse: {
      /** Id */
      id: number;
      /** Name */
      name: string;
      /** Full Name */
      full_name: string;
      /** Description */
      description: string | null;
      /** Github Id */
      github_id: string;
      /** Organization Id */
      organization_id: number;
      /** Visibility */
      visibility: string | null;
      /** Archived */
      archived: boolean | null;
      /** Setup Status */
      setup_status: string;
      /** Language */
      language: string | null;
    };
    /** ResumeAgentRunInput */
    ResumeAgentRunInput: {
      /** Agent Run Id */
      agent_run_id: number;
      /** Prompt */
      prompt: string;
      /**
       * Images
       * @description List of base64 encoded data URIs representing images to be processed by the agent
       */
      images?: string[] | null;
    };
    /**
     * SetupCommandsResponse
     * @description Response for setup commands generation.
     */
    SetupCommandsResponse: {
      /** Agent Run Id */
      agent_run_id: number;
      /** Status */
      status: string;
      /** Url */
      url: string;
    };
    /** StopAgentRunInput */
    StopAgentRunInput: {
      /** Agent Run Id */
      agent_run_id: number;
      /**
       * Before Card Order Id
       * @description Kanban order key of the card that should come before this agent run in the CANCELLED column
       */
      before_card_order_id?: string | null;
      /**
       * After Card Order Id
       * @description Kanban order key of the card that should come after this agent run in the CANCELLED column
       */
      after_card_order_id?: string | null;
    };
    /** UserNotFoundErrorResponse */
    UserNotFoundErrorResponse: {
      /**
       * Message
       * @default User not found.
       */
      message?: string;
      /**
       * Status Code
       * @default 404
       */
      status_code?: number;
    };
    /**
     * UserResponse
     * @description Represents a user in API responses
     */
    UserResponse: {
      /**
       * Id
       * @description Unique user ID
       */
      id: number;
      /**
       * Email
       * @description User's email address
       */
      email?: string | null;
      /**
       * Github User Id
       * @description GitHub user ID
       */
      github_user_id: string;
      /**
       * Github Username
       * @description GitHub username
       */
      github_username: string;
      /**
       * Avatar Url
       * @description URL to user's avatar image
       */
      avatar_url?: string | null;
      /**
       * Full Name
       * @description User's full name
       */
      full_name?: string | null;
      /**
       * Role
       * @description User's role in the organization (ADMIN, MANAGER, MEMBER)
       */
      role?: string | null;
      /**
       * Is Admin
       * @description Whether the user is an admin (deprecated, use role instead)
       */
      is_admin?: boolean | null;
    };
    /** ValidationError */
    ValidationError: {
      /** Location */
      loc: (string | number)[];
      /** Message */
      msg: string;
      /** Error Type */
      type: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  get_agent_run_logs_v1_alpha_organizations__org_id__agent_run__agent_run_id__logs_get: {
    parameters: {
      query?: {
        skip?: number;
        limit?: number;
        reverse?: boolean;
      };
      header?: never;
      path: {
        agent_run_id: number;
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunWithLogsResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunNotFoundErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  get_mcp_providers_v1_mcp_providers_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OAuthProviderResponse"][];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
    };
  };
  revoke_oauth_token_v1_oauth_tokens_revoke_post: {
    parameters: {
      query: {
        provider: string;
        org_id: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": unknown;
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
    };
  };
  get_oauth_token_status_v1_oauth_tokens_status_get: {
    parameters: {
      query: {
        org_id: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": unknown;
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
    };
  };
  get_organizations_v1_organizations_get: {
    parameters: {
      query?: {
        skip?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_OrganizationResponse_"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  create_agent_run_v1_organizations__org_id__agent_run_post: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateAgentRunInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunResponse"];
        };
      };
      /** @description Payment Required */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunLimitReachedErrorResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["NoReposFoundInOrgErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  ban_all_checks_for_agent_run_v1_organizations__org_id__agent_run_ban_post: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["StopAgentRunInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": unknown;
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunNotFoundErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  remove_codegen_from_pr_v1_organizations__org_id__agent_run_remove_from_pr_post: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["StopAgentRunInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": unknown;
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunNotFoundErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  resume_agent_run_v1_organizations__org_id__agent_run_resume_post: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ResumeAgentRunInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunNotFoundErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  unban_all_checks_for_agent_run_v1_organizations__org_id__agent_run_unban_post: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["StopAgentRunInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": unknown;
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunNotFoundErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  get_agent_run_v1_organizations__org_id__agent_run__agent_run_id__get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        agent_run_id: number;
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AgentRunNotFoundErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  list_agent_runs_v1_organizations__org_id__agent_runs_get: {
    parameters: {
      query?: {
        /** @description Filter by user ID who initiated the agent runs */
        user_id?: number | null;
        /** @description Filter by source type of the agent runs */
        source_type?: components["schemas"]["ApiAgentRunSourceType"] | null;
        skip?: number;
        limit?: number;
      };
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_AgentRunResponse_"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  get_cli_rules_v1_organizations__org_id__cli_rules_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CLIRulesResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  get_organization_integrations_endpoint_v1_organizations__org_id__integrations_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrganizationIntegrationsResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  edit_pull_request_simple_v1_organizations__org_id__prs__pr_id__patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
        pr_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EditPRInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EditPRResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  get_repositories_v1_organizations__org_id__repos_get: {
    parameters: {
      query?: {
        skip?: number;
        limit?: number;
      };
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_RepoResponse_"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  get_check_suite_settings_v1_organizations__org_id__repos_check_suite_settings_get: {
    parameters: {
      query: {
        /** @description Repository ID */
        repo_id: number;
      };
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckSuiteSettingsResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
    };
  };
  update_check_suite_settings_v1_organizations__org_id__repos_check_suite_settings_put: {
    parameters: {
      query: {
        /** @description Repository ID */
        repo_id: number;
      };
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CheckSuiteSettingsRequest"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
    };
  };
  edit_pull_request_v1_organizations__org_id__repos__repo_id__prs__pr_id__patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
        repo_id: number;
        pr_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EditPRInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EditPRResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  analyze_sandbox_logs_v1_organizations__org_id__sandbox__sandbox_id__analyze_logs_post: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sandbox_id: number;
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AnalyzeLogsResponse"];
        };
      };
      /** @description No logs available for analysis */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Sandbox not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  generate_setup_commands_v1_organizations__org_id__setup_commands_generate_post: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["GenerateSetupCommandsInput"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SetupCommandsResponse"];
        };
      };
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Repository not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  get_users_v1_organizations__org_id__users_get: {
    parameters: {
      query?: {
        skip?: number;
        limit?: number;
      };
      header?: never;
      path: {
        org_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_UserResponse_"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  get_user_v1_organizations__org_id__users__user_id__get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: number;
        user_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UserResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UserNotFoundErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
  generate_slack_connect_token_endpoint_v1_slack_connect_generate_token_post: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["GenerateTokenRequest"];
      };
    };
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["GenerateTokenResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
    };
  };
  get_current_user_info_v1_users_me_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UserResponse"];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PermissionsErrorResponse"];
        };
      };
      /** @description Validation Error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HTTPValidationError"];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["APIRateLimitErrorResponse"];
        };
      };
    };
  };
}
