import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCodegenClient, NotFoundError, ServerError, TimeoutError } from "../../src/index.js";
import { loosely, pathOf, withHelpers, withOperations } from "../fixtures/operations.js";
import { tested } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "./server.js";

const TOKEN = "cg_test_SECRET_compose_31d2";
const run = {
  id: 5,
  organization_id: 3,
  status: "COMPLETE",
  created_at: "2025-01-01T00:00:00Z",
  web_url: "w",
};

let server: TestServer;
let flaky = 0;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url.endsWith("/agent/run/5")) return sendJson(res, 200, run);
    if (req.url.endsWith("/agent/run/6")) return sendJson(res, 404, { message: "Agent run not found." });
    if (req.url.endsWith("/agent/run/7")) {
      flaky++;
      return flaky % 2 ? sendJson(res, 503, { message: "busy" }) : sendJson(res, 200, { ...run, id: 7 });
    }
    if (req.url.endsWith("/agent/run/8")) {
      setTimeout(() => sendJson(res, 200, run), 400).unref();
      return;
    }
    sendJson(res, 500, { message: "unexpected" });
  });
});
afterAll(() => server.close());

const client = (extra: Parameters<typeof createCodegenClient>[0] = {}) =>
  tested(
    createCodegenClient({
      token: TOKEN,
      baseUrl: server.url,
      orgId: 3,
      backoff: { baseMs: 1, maxMs: 2 },
      ...extra,
    }),
  );
const GET_RUN = pathOf("getAgentRun");

describe("createCodegenClient composes the raw client, the helpers and the resilience layer", () => {
  withOperations("getAgentRun")("helpers use the client's orgId and return the data", async () => {
    await expect(client().agentRuns.get(5)).resolves.toEqual(run);
    expect(server.requests.at(-1)?.url).toBe("/v1/organizations/3/agent/run/5");
  });

  withOperations("getAgentRun")(
    "helpers throw the typed error; raw calls return { error, response }",
    async () => {
      await expect(client().agentRuns.get(6)).rejects.toBeInstanceOf(NotFoundError);
      const raw = await loosely(client()).GET(GET_RUN, {
        params: { path: { org_id: 3, agent_run_id: 6 } },
      });
      expect(raw.data).toBeUndefined();
      expect(raw.error).toEqual({ message: "Agent run not found." });
      expect(raw.response.status).toBe(404);
    },
  );

  withOperations("getAgentRun")(
    "retries a GET after a 503, re-sending the token, and onRetry never sees it",
    async () => {
      const events: unknown[] = [];
      const data = await client({ onRetry: (event) => events.push(event) }).agentRuns.get(7);
      expect(data.id).toBe(7);
      expect(events).toHaveLength(1);
      expect(inspect(events, { depth: 10 })).not.toContain(TOKEN);
      const [first, second] = server.requests.slice(-2);
      expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(second?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    },
  );

  withOperations("getAgentRun")("honours maxRetries: 0 at the client level", async () => {
    flaky = 0;
    await expect(client({ maxRetries: 0 }).agentRuns.get(7)).rejects.toBeInstanceOf(ServerError);
  });

  withOperations("getAgentRun")(
    "passes per-request options (timeout) from a raw call's init to the resilience layer",
    async () => {
      const pending = loosely(client({ maxRetries: 0 })).GET(GET_RUN, {
        params: { path: { org_id: 3, agent_run_id: 8 } },
        timeout: 50,
      });
      await expect(pending).rejects.toBeInstanceOf(TimeoutError);
    },
  );
});

describe("a custom fetch", () => {
  const echo = (seen: unknown[][]) => async (input: string | Request, init?: RequestInit) => {
    seen.push([input, init]);
    return fetch(input, init);
  };

  withHelpers("agentRuns.create")(
    "is called like the standard fetch, (url, init), with the method, headers, JSON body and a signal",
    async () => {
      const seen: unknown[][] = [];
      await client({ fetch: echo(seen) })
        .agentRuns.create({ prompt: "hi" })
        .catch(() => undefined);
      const [input, init] = seen[0] as [string, RequestInit];
      expect(input).toBe(`${server.url}/v1/organizations/3/agent/run`);
      expect(init.method).toBe("POST");
      expect(new Headers(init.headers).get("authorization")).toBe(`Bearer ${TOKEN}`);
      expect(JSON.parse(init.body as string)).toEqual({ prompt: "hi" });
      expect(init.signal).toBeInstanceOf(AbortSignal);
    },
  );

  withOperations("getAgentRun")(
    "gets the Request middleware saw (and changed) once middleware is registered",
    async () => {
      const seen: unknown[][] = [];
      const api = client({ fetch: echo(seen) });
      api.use({
        onRequest: ({ request }) => {
          request.headers.set("X-Trace", "t-1");
          return request;
        },
      });
      await api.agentRuns.get(5);
      const [input] = seen[0] as [Request];
      expect(input).toBeInstanceOf(Request);
      expect(input.headers.get("x-trace")).toBe("t-1");
      expect(server.requests.at(-1)?.headers["x-trace"]).toBe("t-1");
    },
  );
});
