/**
 * Names for the types users write in their own code. Everything derives from the generated schema, so a
 * regenerated spec updates them all; nothing here is written by hand twice.
 *
 *   Schemas:     AgentRun, Organization, User, Repository, PullRequest, AgentRunLog, AgentRunWithLogs, …
 *   Operations:  OperationParams<"createAgentRun">, OperationBody<"createAgentRun">,
 *                OperationResponse<"createAgentRun">, where the name is the camelCased operationId up to
 *                its "_v1_…" route suffix ("create_agent_run_v1_organizations__org_id__agent_run_post").
 */
import type { components, operations } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];
/** Any schema of the spec by its component name: `Schema<"CreateAgentRunInput">`. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

export type AgentRun = Schemas["AgentRunResponse"];
export type AgentRunSourceType = Schemas["ApiAgentRunSourceType"];
export type AgentRunLog = Schemas["AgentRunLogResponse"];
export type AgentRunWithLogs = Schemas["AgentRunWithLogsResponse"];
export type Organization = Schemas["OrganizationResponse"];
export type OrganizationSettings = Schemas["OrganizationSettings"];
export type OrganizationIntegrations = Schemas["OrganizationIntegrationsResponse"];
export type IntegrationStatus = Schemas["IntegrationStatus"];
export type User = Schemas["UserResponse"];
export type Repository = Schemas["RepoResponse"];
export type PullRequest = Schemas["GithubPullRequestResponse"];
export type EditedPullRequest = Schemas["EditPRResponse"];
export type CheckSuiteSettings = Schemas["CheckSuiteSettingsResponse"];
export type CliRules = Schemas["CLIRulesResponse"];
export type McpProvider = Schemas["OAuthProviderResponse"];
export type SetupCommands = Schemas["SetupCommandsResponse"];
export type SandboxLogAnalysis = Schemas["AnalyzeLogsResponse"];
export type SlackConnectToken = Schemas["GenerateTokenResponse"];

/** One page of a list endpoint: `{ items, total, page, size, pages }`. */
export type AgentRunPage = Schemas["Page_AgentRunResponse_"];
export type OrganizationPage = Schemas["Page_OrganizationResponse_"];
export type RepositoryPage = Schemas["Page_RepoResponse_"];
export type UserPage = Schemas["Page_UserResponse_"];

/** FastAPI style operationId → short name: "get_agent_run_v1_organizations__…_get" → "getAgentRun". */
type ShortName<Id> = Id extends `${infer Name}_v1_${string}` ? CamelCase<Name> : never;
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** Every operation by its short name, mapped to its full operationId. */
export type OperationIds = { [Id in keyof operations as ShortName<Id>]: Id };
export type OperationName = keyof OperationIds;

type Operation<Name extends OperationName> = operations[OperationIds[Name]];

/** `{ path?, query?, header? }` of an operation, as openapi-fetch's `params` takes it. */
export type OperationParams<Name extends OperationName> = Operation<Name>["parameters"];

/** The JSON body an operation takes (`never` for operations without one). */
export type OperationBody<Name extends OperationName> = JsonBody<NonNullable<Operation<Name>["requestBody"]>>;
// Wrapped in a tuple so an operation without a body (`requestBody?: never`) yields never, not unknown.
type JsonBody<RequestBody> = [RequestBody] extends [never]
  ? never
  : RequestBody extends { content: { "application/json": infer Body } }
    ? Body
    : never;

/** The JSON body of an operation's 200 answer. */
export type OperationResponse<Name extends OperationName> = Operation<Name>["responses"] extends {
  200: { content: { "application/json": infer Data } };
}
  ? Data
  : never;
