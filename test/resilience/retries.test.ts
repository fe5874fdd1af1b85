import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { unwrap } from "../../src/core.js";
import { ConnectionError, RateLimitError, ServerError, UnexpectedResponseError } from "../../src/errors.js";
import { startFaultServer, type FaultServer } from "../servers/fault-server.js";
import { createRun, editPr, getRun, putSettings, resilientClient, split } from "./helpers.js";

const server: FaultServer = await startFaultServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const runOperation = { method: "GET", path: "/v1/organizations/{org_id}/agent/run/{agent_run_id}" };
const createOperation = { method: "POST", path: "/v1/organizations/{org_id}/agent/run" };

function call(route: string, options = {}, init: Record<string, unknown> = {}) {
  const { api, retries } = resilientClient(server.url, options);
  const [method, path] = split(route);
  const operation = { method: method.toUpperCase(), path };
  const result = unwrap(api.request(method, path, init), operation);
  return { result, retries };
}

describe("429: refused, so retried for every method", () => {
  it("honours Retry-After in seconds, then succeeds", async () => {
    server.script(getRun, { kind: "status", status: 429, retryAfter: "1" });
    const { result, retries } = call(getRun);
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(server.attempts(getRun)).toBe(2);
    expect(retries).toMatchObject([
      { attempt: 1, delayMs: 1000, status: 429, reason: "HTTP 429 (Retry-After 1000 ms)" },
    ]);
  });

  it("honours a Retry-After HTTP date", async () => {
    server.script(getRun, {
      kind: "status",
      status: 429,
      retryAfter: new Date(Date.now() - 5000).toUTCString(),
    });
    const { result, retries } = call(getRun);
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(retries).toMatchObject([{ delayMs: 0, status: 429 }]);
  });

  it("retries a create-run POST after 429 without Retry-After, with backoff", async () => {
    server.script(createRun, { kind: "status", status: 429 }, { kind: "status", status: 429 });
    const { result, retries } = call(createRun, {}, { body: { prompt: "fix it" } });
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(server.attempts(createRun)).toBe(3);
    expect(retries.map((event) => event.reason)).toEqual(["HTTP 429", "HTTP 429"]);
    expect(retries.every((event) => event.delayMs >= 0 && event.delayMs < 10)).toBe(true);
  });

  it("gives the 429 back at once when Retry-After exceeds maxRetryAfterMs", async () => {
    server.script(getRun, {
      kind: "status",
      status: 429,
      retryAfter: new Date(Date.now() + 120_000).toUTCString(),
    });
    const { result, retries } = call(getRun, { maxRetryAfterMs: 1000 });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(100_000);
    expect(server.attempts(getRun)).toBe(1);
    expect(retries).toEqual([]);
  });

  it("stops after maxRetries and throws RateLimitError", async () => {
    server.setDefault(getRun, { kind: "status", status: 429, retryAfter: "0" });
    const { result } = call(getRun);
    await expect(result).rejects.toBeInstanceOf(RateLimitError);
    expect(server.attempts(getRun)).toBe(3);
  });
});

describe("5xx and 408: retried only when repeating is harmless", () => {
  it.each([500, 502, 503, 408])("GET after %i succeeds on retry", async (status) => {
    server.script(getRun, { kind: "status", status });
    const { result, retries } = call(getRun);
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(server.attempts(getRun)).toBe(2);
    expect(retries).toMatchObject([{ attempt: 1, status, method: "GET", operation: runOperation }]);
  });

  it("GET that keeps failing with an HTML 502 page throws ServerError with the page as body", async () => {
    server.setDefault(getRun, { kind: "html", status: 502 });
    const { result } = call(getRun);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(502);
    expect((error as ServerError).body).toContain("Bad Gateway");
    expect(server.attempts(getRun)).toBe(3);
  });

  it("honours Retry-After on a 503", async () => {
    server.script(getRun, { kind: "status", status: 503, retryAfter: "1" });
    const { result, retries } = call(getRun);
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(retries).toMatchObject([{ delayMs: 1000, status: 503 }]);
  });

  it.each([500, 502, 503])("create-run POST after %i is not retried: zero duplicate runs", async (status) => {
    server.setDefault(createRun, { kind: "status", status });
    const { result, retries } = call(createRun, {}, { body: { prompt: "fix it" } });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(status);
    expect(server.attempts(createRun)).toBe(1);
    expect(retries).toEqual([]);
  });

  it("PATCH after 502 is not retried", async () => {
    server.setDefault(editPr, { kind: "status", status: 502 });
    const { result } = call(editPr, {}, { body: { state: "closed" } });
    await expect(result).rejects.toBeInstanceOf(ServerError);
    expect(server.attempts(editPr)).toBe(1);
  });

  it("retryNonIdempotent lets a POST be retried after 503", async () => {
    server.script(createRun, { kind: "status", status: 503 });
    const { result } = call(createRun, {}, { body: { prompt: "fix it" }, retryNonIdempotent: true });
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(server.attempts(createRun)).toBe(2);
  });

  it("replays the same body on every attempt of a PUT", async () => {
    server.script(putSettings, { kind: "status", status: 503 }, { kind: "reset-before-headers" });
    const body = { check_retry_count: 3, ignored_checks: ["lint"] };
    const { result } = call(putSettings, {}, { body });
    await expect(result).resolves.toMatchObject({ ok: true });
    const bodies = server.requests.map((request) => request.body);
    expect(bodies).toEqual([JSON.stringify(body), JSON.stringify(body), JSON.stringify(body)]);
  });
});

describe("network errors", () => {
  it("GET reset mid-response succeeds on retry", async () => {
    server.script(getRun, { kind: "reset" });
    const { result, retries } = call(getRun);
    await expect(result).resolves.toMatchObject({ ok: true });
    expect(server.attempts(getRun)).toBe(2);
    expect(retries[0]?.error).toBeInstanceOf(ConnectionError);
    expect(retries[0]?.reason).toMatch(/^ConnectionError: GET \/v1\/organizations\/\{org_id\}/);
  });

  it("create-run POST reset mid-response throws ConnectionError with the cause, sent once", async () => {
    server.setDefault(createRun, { kind: "reset" });
    const { result } = call(createRun, {}, { body: { prompt: "fix it" } });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).operation).toEqual(createOperation);
    expect((error as ConnectionError).cause).toBeDefined();
    expect(server.attempts(createRun)).toBe(1);
  });

  it("create-run POST reset before any answer is not retried either", async () => {
    server.setDefault(createRun, { kind: "reset-before-headers" });
    const { result } = call(createRun, {}, { body: { prompt: "fix it" } });
    await expect(result).rejects.toBeInstanceOf(ConnectionError);
    expect(server.attempts(createRun)).toBe(1);
  });

  it("truncated JSON is a ConnectionError, retried for GET", async () => {
    server.setDefault(getRun, { kind: "truncated-json" });
    const { result } = call(getRun, { maxRetries: 1 });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.attempts(getRun)).toBe(2);

    server.reset();
    server.script(getRun, { kind: "truncated-json" });
    await expect(call(getRun).result).resolves.toMatchObject({ ok: true });
  });

  it("a refused connection is a ConnectionError after the retries", async () => {
    const closed = await startFaultServer();
    await closed.close();
    const { api, retries } = resilientClient(closed.url);
    const error = await api.GET("/v1/organizations/1/agent/run/7").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(retries).toHaveLength(2);
  });
});

describe("budget and hook", () => {
  it("per-request maxRetries overrides the client's", async () => {
    server.setDefault(getRun, { kind: "status", status: 503 });
    await expect(call(getRun, { maxRetries: 5 }, { maxRetries: 0 }).result).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(server.attempts(getRun)).toBe(1);
  });

  it("client maxRetries bounds the attempts", async () => {
    server.setDefault(getRun, { kind: "status", status: 500 });
    await expect(call(getRun, { maxRetries: 4 }).result).rejects.toBeInstanceOf(ServerError);
    expect(server.attempts(getRun)).toBe(5);
  });

  it("an empty 200 body is not retried, and not taken for data: an UnexpectedResponseError says what came", async () => {
    server.script(getRun, { kind: "empty" });
    const error = await call(getRun).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toBe(
      "GET /v1/organizations/1/agent/run/7 answered with an empty body, not the JSON its spec promises",
    );
    expect(server.attempts(getRun)).toBe(1);
  });

  it("onRetry gets the URL without its query string", async () => {
    server.script(getRun, { kind: "status", status: 503 });
    const { api, retries } = resilientClient(server.url);
    await api.GET("/v1/organizations/1/agent/run/7", { params: { query: { token: "s3cret" } } });
    expect(retries).toHaveLength(1);
    expect(retries[0]?.url).toBe(`${server.url}/v1/organizations/1/agent/run/7`);
    expect(JSON.stringify(retries[0])).not.toContain("s3cret");
  });
});

describe("middleware", () => {
  it("added while a call waits to retry sees a real Request on the retry", async () => {
    server.script(getRun, { kind: "status", status: 503 });
    const seen: unknown[] = [];
    const register = () => use({ onRequest: ({ request }) => void seen.push(request) });
    const { api, use } = resilientClient(server.url, { onRetry: register });
    await expect(api.GET(getRun.split(" ")[1]!)).resolves.toMatchObject({ response: { status: 200 } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
  });

  it("given to one call (openapi-fetch's per-request middleware) sees a real Request", async () => {
    const seen: unknown[] = [];
    const { api } = resilientClient(server.url);
    const middleware = [{ onRequest: ({ request }: { request: Request }) => void seen.push(request) }];
    await api.GET(getRun.split(" ")[1]!, { middleware });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
  });
});
