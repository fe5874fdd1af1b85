import type { paths } from "../generated/schema.js";

/** The JSON a 200 answer of `METHOD path` carries. */
export type ResponseJson<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer Json } } };
}
  ? Json
  : never;

/** The JSON request body of `METHOD path`. */
export type RequestJson<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer Json } };
}
  ? Json
  : never;

/** The query parameters of `METHOD path`. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export type CreateAgentRunBody = RequestJson<"/v1/organizations/{org_id}/agent/run", "post">;
export type ResumeAgentRunBody = RequestJson<"/v1/organizations/{org_id}/agent/run/resume", "post">;
/** Body of ban / unban / remove-from-PR (StopAgentRunInput). */
export type StopAgentRunBody = RequestJson<"/v1/organizations/{org_id}/agent/run/ban", "post">;
export type ListAgentRunsQuery = Query<"/v1/organizations/{org_id}/agent/runs", "get">;
export type AgentRunLogsQuery = Query<
  "/v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs",
  "get"
>;
export type EditPullRequestBody = RequestJson<"/v1/organizations/{org_id}/prs/{pr_id}", "patch">;
export type GenerateSetupCommandsBody = RequestJson<
  "/v1/organizations/{org_id}/setup-commands/generate",
  "post"
>;
export type CheckSuiteSettingsBody = RequestJson<
  "/v1/organizations/{org_id}/repos/check-suite-settings",
  "put"
>;
