/**
 * The README's API coverage table: every operation of the merged spec with its method and path, the helper
 * that calls it and its documented rate limit. `npm run build` regenerates it so it never drifts from the spec.
 */

/** The helper for each operation (operationId → call), as listed in the table. Tests keep it complete. */
export const helperByOperationId: Record<string, string> = {
  create_agent_run_v1_organizations__org_id__agent_run_post: "agentRuns.create",
  get_agent_run_v1_organizations__org_id__agent_run__agent_run_id__get: "agentRuns.get",
  list_agent_runs_v1_organizations__org_id__agent_runs_get: "agentRuns.list",
  resume_agent_run_v1_organizations__org_id__agent_run_resume_post: "agentRuns.resume",
  ban_all_checks_for_agent_run_v1_organizations__org_id__agent_run_ban_post: "agentRuns.ban",
  unban_all_checks_for_agent_run_v1_organizations__org_id__agent_run_unban_post: "agentRuns.unban",
  remove_codegen_from_pr_v1_organizations__org_id__agent_run_remove_from_pr_post: "agentRuns.removeFromPr",
  get_agent_run_logs_v1_alpha_organizations__org_id__agent_run__agent_run_id__logs_get: "agentRuns.logs",
  get_current_user_info_v1_users_me_get: "users.me",
  get_user_v1_organizations__org_id__users__user_id__get: "users.get",
  get_users_v1_organizations__org_id__users_get: "users.list",
  get_organizations_v1_organizations_get: "organizations.list",
  get_repositories_v1_organizations__org_id__repos_get: "repositories.list",
  edit_pull_request_v1_organizations__org_id__repos__repo_id__prs__pr_id__patch: "pullRequests.edit",
  edit_pull_request_simple_v1_organizations__org_id__prs__pr_id__patch: "pullRequests.edit",
  generate_setup_commands_v1_organizations__org_id__setup_commands_generate_post: "setupCommands.generate",
  analyze_sandbox_logs_v1_organizations__org_id__sandbox__sandbox_id__analyze_logs_post:
    "sandbox.analyzeLogs",
  get_organization_integrations_endpoint_v1_organizations__org_id__integrations_get: "integrations.get",
  get_check_suite_settings_v1_organizations__org_id__repos_check_suite_settings_get: "checkSuiteSettings.get",
  update_check_suite_settings_v1_organizations__org_id__repos_check_suite_settings_put:
    "checkSuiteSettings.update",
  get_cli_rules_v1_organizations__org_id__cli_rules_get: "cliRules.get",
  generate_slack_connect_token_endpoint_v1_slack_connect_generate_token_post: "slackConnect.generateToken",
  get_oauth_token_status_v1_oauth_tokens_status_get: "oauthTokens.status",
  revoke_oauth_token_v1_oauth_tokens_revoke_post: "oauthTokens.revoke",
  get_mcp_providers_v1_mcp_providers_get: "mcpProviders.list",
};

/** How a helper call reads in the table when it differs from a plain call. */
const helperNotes: Record<string, string> = {
  edit_pull_request_v1_organizations__org_id__repos__repo_id__prs__pr_id__patch: " (with `repoId`)",
  edit_pull_request_simple_v1_organizations__org_id__prs__pr_id__patch: " (without `repoId`)",
  get_agent_run_v1_organizations__org_id__agent_run__agent_run_id__get: ", `waitForAgentRun`",
  get_agent_run_logs_v1_alpha_organizations__org_id__agent_run__agent_run_id__logs_get:
    ", `followAgentRunLogs`",
};

interface RateLimit {
  group: string;
  limit: number;
  windowSeconds: number;
}

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  "x-rate-limit"?: RateLimit;
}

const methods = ["get", "put", "post", "delete", "patch"] as const;

/** Markdown table of every operation in `spec` (an OpenAPI document object), grouped by tag. */
export function renderCoverageTable(spec: { paths?: Record<string, Record<string, unknown>> }): string {
  if (!spec.paths || typeof spec.paths !== "object")
    throw new Error("renderCoverageTable: the spec has no `paths`");
  const rows: { tag: string; cells: string[] }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of methods) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (!id) throw new Error(`renderCoverageTable: ${where} has no operationId`);
      const helper = helperByOperationId[id];
      rows.push({
        tag: operation.tags?.[0] ?? "",
        cells: [
          operation.summary ?? id,
          `\`${where}\``,
          // An operation the docs gained since the helpers were written is still reachable through `api`.
          helper
            ? `\`${helper}\`${helperNotes[id] ?? ""}`
            : `\`api.${method.toUpperCase()}\` (no helper yet)`,
          rateLimit(operation["x-rate-limit"]),
        ],
      });
    }
  }
  rows.sort((a, b) => a.tag.localeCompare(b.tag) || a.cells[0]!.localeCompare(b.cells[0]!));
  return [
    "| Operation | Method and path | Helper | Rate limit |",
    "| --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.cells.map(escapeCell).join(" | ")} |`),
  ].join("\n");
}

/** "60 / 30 s (standard)": the limit and the group of operations that share it. */
function rateLimit(limit: RateLimit | undefined): string {
  if (!limit) return "not documented";
  return `${limit.limit} / ${limit.windowSeconds} s (${limit.group})`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
