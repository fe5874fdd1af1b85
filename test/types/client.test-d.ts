import { describe, expectTypeOf, it } from "vitest";
import type { TypedApi } from "../../src/client.js";
import {
  createCodegenClient,
  type AgentRun,
  type AgentRunLog,
  type AgentRunWithLogs,
  type CodegenApiError,
  type OperationBody,
  type OperationName,
  type OperationParams,
  type OperationResponse,
} from "../../src/index.js";
import type { OperationIds } from "../../src/generated/helpers.js";
import type { components, operations, paths } from "../../src/generated/schema.js";
import type { FixturePaths, FixtureSchemas } from "../fixtures/paths.js";

/**
 * The raw calls are typed by the `paths` the client is built with: tested against a pinned fixture, so that these
 * tests keep compiling when Codegen's docs drop, move or rename what they name. The names users write are tested
 * on today's docs, through the operations the hand-written helpers need (getAgentRun, getAgentRunLogs: the build
 * fails without them) or over every operation at once.
 */
const codegen = createCodegenClient({ token: "t", orgId: 1 });
const client = codegen as unknown as TypedApi<FixturePaths>;
const RUN = "/v1/organizations/{org_id}/agent/run/{agent_run_id}" as const;

describe("raw typed calls", () => {
  it("the live client's calls are those of TypedApi over the generated paths", () => {
    expectTypeOf(codegen.GET).toEqualTypeOf<TypedApi<paths>["GET"]>();
  });

  it("types data from the path's 200 response", async () => {
    const { data, error } = await client.GET(RUN, { params: { path: { org_id: 1, agent_run_id: 2 } } });
    expectTypeOf(data).toEqualTypeOf<FixtureSchemas["AgentRun"] | undefined>();
    expectTypeOf(error).not.toBeAny();
    const users = await client.GET("/v1/organizations/{org_id}/users", { params: { path: { org_id: 1 } } });
    expectTypeOf(users.data?.items).toEqualTypeOf<FixtureSchemas["User"][] | undefined>();
  });

  it("rejects a path the API does not have", () => {
    // @ts-expect-error: no such path
    void client.GET("/v1/agent-runs");
    // @ts-expect-error: /v1/users/me has no POST
    void client.POST("/v1/users/me");
  });

  it("rejects missing and wrongly typed parameters", () => {
    // @ts-expect-error: agent_run_id is required
    void client.GET(RUN, { params: { path: { org_id: 1 } } });
    // @ts-expect-error: params are required for a path with parameters
    void client.GET(RUN);
    // @ts-expect-error: org_id is an integer, not a string
    void client.GET(RUN, { params: { path: { org_id: "1", agent_run_id: 2 } } });
    void client.GET("/v1/organizations/{org_id}/agent/runs", {
      // @ts-expect-error: limit is a number
      params: { path: { org_id: 1 }, query: { limit: "10" } },
    });
  });

  it("rejects bodies missing required fields or with wrong types", () => {
    void client.POST("/v1/organizations/{org_id}/agent/run", {
      params: { path: { org_id: 1 } },
      // @ts-expect-error: prompt is required
      body: { repo_id: 3 },
    });
    void client.POST("/v1/organizations/{org_id}/agent/run", {
      params: { path: { org_id: 1 } },
      // @ts-expect-error: repo_id is an integer
      body: { prompt: "x", repo_id: "3" },
    });
    void client.PATCH("/v1/organizations/{org_id}/prs/{pr_id}", {
      params: { path: { org_id: 1, pr_id: 2 } },
      // @ts-expect-error: state is one of open | closed | draft | ready_for_review
      body: { state: "merged" },
    });
  });
});

describe("options", () => {
  it("types orgId as a number and the resilience options", () => {
    // @ts-expect-error: orgId is a number
    createCodegenClient({ orgId: "1" });
    // @ts-expect-error: throttle is "wait" | "fail" | false
    createCodegenClient({ throttle: "sometimes" });
    createCodegenClient({ maxRetries: 0, timeout: 5_000, throttle: "fail", userAgent: "app/1" });
  });

  it("takes any standard fetch; one that expects only a Request does not compile", () => {
    createCodegenClient({ fetch });
    createCodegenClient({ fetch: (input, init) => fetch(input, init) });
    // @ts-expect-error: called as fetch(url, init): the input is not always a Request
    createCodegenClient({ fetch: (request: Request) => fetch(request) });
  });
});

describe("helpers", () => {
  it("resolve to the data, typed", () => {
    expectTypeOf(codegen.agentRuns.get).returns.resolves.toEqualTypeOf<AgentRun>();
    expectTypeOf<Awaited<ReturnType<typeof codegen.agentRuns.logs>>>().toEqualTypeOf<AgentRunWithLogs>();
    expectTypeOf(codegen.waitForAgentRun).returns.resolves.toEqualTypeOf<AgentRun>();
  });
});

/** The JSON body of an operation, as openapi-typescript writes it; `never` when it takes none. */
type BodyOf<Operation extends { requestBody?: unknown }> = [NonNullable<Operation["requestBody"]>] extends [
  never,
]
  ? never
  : NonNullable<Operation["requestBody"]> extends { content: { "application/json": infer Body } }
    ? Body
    : never;

describe("names users write", () => {
  it("schema aliases are the generated components", () => {
    type Documented =
      operations[OperationIds["getAgentRun"]]["responses"][200]["content"]["application/json"];
    expectTypeOf<AgentRun>().toEqualTypeOf<Documented>();
    expectTypeOf<Documented>().toExtend<components["schemas"][keyof components["schemas"]]>();
    expectTypeOf<NonNullable<AgentRunWithLogs["logs"]>>().toEqualTypeOf<AgentRunLog[]>();
    expectTypeOf<CodegenApiError["status"]>().toEqualTypeOf<number>();
  });

  it("every operation has a short name, and they are distinct", () => {
    expectTypeOf<Exclude<keyof operations, OperationIds[OperationName]>>().toEqualTypeOf<never>();
    expectTypeOf<"getAgentRun">().toExtend<OperationName>();
    expectTypeOf<"getAgentRunLogs">().toExtend<OperationName>();
  });

  it("operation params, body and response", () => {
    expectTypeOf<{ [Name in OperationName]: OperationBody<Name> }>().toEqualTypeOf<{
      [Name in OperationName]: BodyOf<operations[OperationIds[Name]]>;
    }>();
    expectTypeOf<OperationBody<"getAgentRun">>().toBeNever();
    expectTypeOf<OperationResponse<"getAgentRun">>().toEqualTypeOf<AgentRun>();
    expectTypeOf<OperationParams<"getAgentRun">["path"]>().toEqualTypeOf<{
      org_id: number;
      agent_run_id: number;
    }>();
    expectTypeOf<NonNullable<OperationParams<"getAgentRunLogs">["query"]>["limit"]>().toEqualTypeOf<
      number | undefined
    >();
  });
});

describe("per-request resilience options on raw calls", () => {
  it("are accepted, typed, and keep the call's typing", async () => {
    const { data } = await client.GET("/v1/users/me", { timeout: 5_000, maxRetries: 0, throttle: "fail" });
    expectTypeOf(data).toEqualTypeOf<FixtureSchemas["User"] | undefined>();
    void client.POST("/v1/organizations/{org_id}/agent/run", {
      params: { path: { org_id: 1 } },
      body: { prompt: "x" },
      retryNonIdempotent: true,
    });
    // @ts-expect-error: timeout is a number of milliseconds
    void client.GET("/v1/users/me", { timeout: "5s" });
    // @ts-expect-error: throttle is "wait" | "fail" | false
    void client.GET("/v1/users/me", { throttle: "later" });
    // @ts-expect-error: the options do not make required params optional
    void client.GET(RUN, { timeout: 1 });
  });
});
