import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ConfigurationError,
  createCodegenApi,
  ThrottledError,
  TimeoutError,
  type CodegenClientOptions,
} from "../../src/index.js";
import { maxInAnyWindow } from "../resilience/helpers.js";
import {
  loosely,
  OPERATIONS,
  pathOf,
  SIMPLE_GET,
  withOperations,
  withSimpleGet,
} from "../fixtures/operations.js";
import { sendJson, startServer, type TestServer } from "./server.js";

const TOKEN = "cg_test_SECRET_raw_9f41";
const user = { id: 1, email: "a@b.c", github_user_id: "1", github_username: "a" };
const runParams = (agent_run_id: number) => ({ params: { path: { org_id: 3, agent_run_id } } });
const createParams = { params: { path: { org_id: 3 } }, body: { prompt: "hi" } };
const creation = { limit: 2, windowMs: 100 };
/** The documented table's shape, scaled down: tests wait milliseconds, not a minute. */
const rateLimits = {
  standard: { limit: 1000, windowMs: 1000 },
  "agent-creation": { ...creation, operations: [OPERATIONS.createAgentRun.route] },
};

let server: TestServer;
let elsewhere: TestServer;
let flaky = 0;
const created: number[] = [];
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.method === "POST" && req.url === "/v1/organizations/3/agent/run") {
      created.push(performance.now());
      return sendJson(res, 200, { id: created.length });
    }
    if (req.url.endsWith("/agent/run/7")) {
      flaky++;
      return flaky % 2 ? sendJson(res, 503, { message: "busy" }) : sendJson(res, 200, { id: 7 });
    }
    if (req.url.endsWith("/agent/run/8")) {
      setTimeout(() => sendJson(res, 200, { id: 8 }), 400).unref();
      return;
    }
    sendJson(res, 200, user);
  });
  elsewhere = await startServer((_req, res) => sendJson(res, 200, { id: 2 }));
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});

const api = (extra: CodegenClientOptions = {}) =>
  loosely(
    createCodegenApi({
      token: TOKEN,
      baseUrl: server.url,
      orgId: 3,
      backoff: { baseMs: 1, maxMs: 2 },
      rateLimits,
      ...extra,
    }),
  );
const CREATE_RUN = pathOf("createAgentRun");
const GET_RUN = pathOf("getAgentRun");

describe("createCodegenApi: the raw client, without the helpers", () => {
  it("has the call methods, use/eject and orgId, and nothing else", () => {
    expect(Object.keys(api()).sort()).toEqual([
      "DELETE",
      "GET",
      "HEAD",
      "OPTIONS",
      "PATCH",
      "POST",
      "PUT",
      "TRACE",
      "eject",
      "orgId",
      "request",
      "use",
    ]);
    expect(api().orgId).toBe(3);
  });

  withSimpleGet(
    "sends the token to the configured origin, added after middleware, and not to another origin",
    async () => {
      const client = api();
      const logged: string[] = [];
      client.use({ onRequest: ({ request }) => void logged.push(JSON.stringify([...request.headers])) });
      const { data } = await client.GET(SIMPLE_GET);
      expect(data?.id).toBe(1);
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(logged[0]).not.toContain(TOKEN);
      await client.GET(SIMPLE_GET, { baseUrl: elsewhere.url });
      expect(elsewhere.requests.at(-1)?.headers.authorization).toBeUndefined();
    },
  );

  withSimpleGet("its call methods work detached, as openapi-fetch's do", async () => {
    const { GET, request } = api();
    await expect(GET(SIMPLE_GET)).resolves.toMatchObject({ data: { id: 1 } });
    await expect(request("get", SIMPLE_GET)).resolves.toMatchObject({ data: { id: 1 } });
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  withOperations("getAgentRun")(
    "retries a GET after a 503, re-sending the token, and onRetry never sees it",
    async () => {
      flaky = 0;
      const events: unknown[] = [];
      const { data } = await api({ onRetry: (event) => events.push(event) }).GET(GET_RUN, runParams(7));
      expect(data?.id).toBe(7);
      expect(events).toHaveLength(1);
      expect(inspect(events, { depth: 10 })).not.toContain(TOKEN);
      const [first, second] = server.requests.slice(-2);
      expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(second?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    },
  );

  withOperations("createAgentRun")(
    "throttles per rate-limit group: a burst never puts more than the limit in any window",
    async () => {
      created.length = 0;
      const client = api();
      const burst = 3 * creation.limit + 1;
      const results = await Promise.all(
        Array.from({ length: burst }, () => client.POST(CREATE_RUN, createParams)),
      );
      expect(results.every(({ response }) => response.ok)).toBe(true);
      expect(created).toHaveLength(burst);
      expect(maxInAnyWindow(created, creation.windowMs)).toBeLessThanOrEqual(creation.limit);
    },
  );

  withOperations("createAgentRun")(
    "applies the documented limits by default: the 11th create-run POST within a minute is refused",
    async () => {
      created.length = 0;
      const client = api({ rateLimits: undefined, throttle: "fail" });
      for (let i = 0; i < 10; i++) await client.POST(CREATE_RUN, createParams);
      const error = await client.POST(CREATE_RUN, createParams).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThrottledError);
      expect((error as ThrottledError).message).toContain("(agent-creation: 10 requests per 60 s)");
      expect(created).toHaveLength(10);
    },
  );

  withOperations("getAgentRun")("times an attempt out with the per-request timeout", async () => {
    const pending = api({ maxRetries: 0 }).GET(GET_RUN, {
      ...runParams(8),
      timeout: 50,
    });
    await expect(pending).rejects.toBeInstanceOf(TimeoutError);
  });

  withSimpleGet(
    "keeps the token out of JSON.stringify and util.inspect of the client and of results",
    async () => {
      const client = api();
      const result = await client.GET(SIMPLE_GET);
      for (const value of [client, result]) {
        expect(JSON.stringify(value) ?? "").not.toContain(TOKEN);
        expect(inspect(value, { depth: 10, showHidden: true })).not.toContain(TOKEN);
      }
    },
  );

  it("checks its options like createCodegenClient: a missing token names the option and the env var", () => {
    vi.stubEnv("CODEGEN_API_TOKEN", "");
    try {
      expect(() => createCodegenApi({ baseUrl: server.url })).toThrow(ConfigurationError);
      expect(() => createCodegenApi({ baseUrl: server.url })).toThrow(/`token`.*CODEGEN_API_TOKEN/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
