import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as routes from "../../src/generated/routes.js";
import { CodegenError, createCodegenClient, UnexpectedResponseError } from "../../src/index.js";
import { startServer, type TestServer } from "../client/server.js";
import { tested, withHelpers } from "./fixtures.js";

/** Every request gets the same 200 answer, whatever the path: the tests set it. */
let answer: { body: string; headers?: Record<string, string> };
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, res) => {
    res.writeHead(200, { "content-type": "application/json", ...answer.headers });
    res.end(answer.body);
  });
});
afterAll(() => server.close());

const client = () =>
  tested(createCodegenClient({ token: "t", orgId: 1, baseUrl: server.url, maxRetries: 0 }));
const failure = (pending: Promise<unknown>) =>
  pending.then(
    () => undefined,
    (error: unknown) => error,
  );

const answers = {
  null: { body: "null" },
  "an empty body": { body: "", headers: { "content-length": "0" } },
};

describe("a 2xx without the JSON the spec promises is a typed error, not undefined or a TypeError", () => {
  for (const [received, body] of Object.entries(answers)) {
    it(`waitForAgentRun, answered with ${received}`, async () => {
      answer = body;
      const error = await failure(client().waitForAgentRun(7));
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toBeInstanceOf(CodegenError);
      expect((error as UnexpectedResponseError).received).toBe(received);
      // waitForAgentRun polls Get Agent Run, wherever the docs put it.
      expect((error as Error).message).toBe(
        `${routes.getAgentRun} answered with ${received}, not the JSON its spec promises`,
      );
    });

    it(`followAgentRunLogs, answered with ${received}`, async () => {
      answer = body;
      const error = await failure(
        (async () => {
          for await (const _ of client().followAgentRunLogs(7));
        })(),
      );
      expect(error).toBeInstanceOf(UnexpectedResponseError);
    });

    withHelpers("agentRuns.list")(`a list's toArray(), answered with ${received}`, async () => {
      answer = body;
      const error = await failure(client().agentRuns.list().toArray());
      expect(error).toBeInstanceOf(UnexpectedResponseError);
    });
  }

  withHelpers("agentRuns.list")("a list whose page has no items list", async () => {
    answer = { body: JSON.stringify({ total: 3 }) };
    const error = await failure(client().agentRuns.list().toArray());
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).received).toBe('a page without its "items" list');
  });
});
