/**
 * Names for the types users write in their own code. Everything derives from the generated schema, so a
 * regenerated spec updates them all.
 *
 *   Named types: AgentRun, Organization, User, Repository, … are generated from openapi/helpers.yaml, which names
 *                them by meaning (the answer of Get Agent Run), not by the schema name upstream may change.
 *   Schemas:     Schema<"AgentRunResponse"> for any schema of the spec by its component name.
 *   Operations:  OperationParams<"createAgentRun">, OperationBody<"createAgentRun">,
 *                OperationQuery<"listAgentRuns">, OperationResponse<"createAgentRun">, where the name is the
 *                camelCased operationId up to its "_v1_…" route suffix
 *                ("create_agent_run_v1_organizations__org_id__agent_run_post" → "createAgentRun").
 */
import type { OperationIds } from "./generated/helpers.js";
import type { components, operations } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];
/** Any schema of the spec by its component name: `Schema<"CreateAgentRunInput">`. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

export type OperationName = keyof OperationIds;

type Operation<Name extends OperationName> = operations[OperationIds[Name]];

/** `{ path?, query?, header? }` of an operation, as openapi-fetch's `params` takes it. */
export type OperationParams<Name extends OperationName> = Operation<Name>["parameters"];

/** The query parameters of an operation (`{}` when it has none). */
export type OperationQuery<Name extends OperationName> = NonNullable<Operation<Name>["parameters"]["query"]>;

/** The JSON body an operation takes (`never` for operations without one). */
export type OperationBody<Name extends OperationName> = JsonBody<NonNullable<Operation<Name>["requestBody"]>>;
// Wrapped in a tuple so an operation without a body (`requestBody?: never`) yields never, not unknown.
type JsonBody<RequestBody> = [RequestBody] extends [never]
  ? never
  : RequestBody extends { content: { "application/json": infer Body } }
    ? Body
    : never;

/** The JSON body of an operation's success answer (its 200, else its 201 or 202). */
export type OperationResponse<Name extends OperationName> = SuccessJson<Operation<Name>["responses"]>;
type SuccessJson<Responses> = Responses extends { 200: { content: { "application/json": infer Data } } }
  ? Data
  : Responses extends { 201: { content: { "application/json": infer Data } } }
    ? Data
    : Responses extends { 202: { content: { "application/json": infer Data } } }
      ? Data
      : never;
