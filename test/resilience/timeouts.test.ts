import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../src/errors.js";
import { startFaultServer, type FaultServer } from "../servers/fault-server.js";
import { createRun, getRun, resilientClient } from "./helpers.js";

const server: FaultServer = await startFaultServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const runPath = "/v1/organizations/1/agent/run/7";
const createPath = "/v1/organizations/1/agent/run";

describe("per-attempt timeout", () => {
  it("a server that never answers times out with the operation and the time", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api } = resilientClient(server.url, { timeout: 40, maxRetries: 0 });
    const error = await api.GET(runPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe(
      "GET /v1/organizations/{org_id}/agent/run/{agent_run_id} timed out after 40 ms",
    );
    expect((error as TimeoutError).timeoutMs).toBe(40);
  });

  it("a body that never finishes times out too", async () => {
    server.setDefault(getRun, { kind: "stall-body" });
    const { api } = resilientClient(server.url, { timeout: 40, maxRetries: 0 });
    await expect(api.GET(runPath)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("a GET that timed out is retried and succeeds", async () => {
    server.script(getRun, { kind: "stall-body" });
    const { api, retries } = resilientClient(server.url, { timeout: 40 });
    await expect(api.GET(runPath)).resolves.toMatchObject({ data: { ok: true } });
    expect(server.attempts(getRun)).toBe(2);
    expect(retries[0]?.error).toBeInstanceOf(TimeoutError);
  });

  it("a create-run POST that timed out is not retried", async () => {
    server.setDefault(createRun, { kind: "stall-headers" });
    const { api } = resilientClient(server.url, { timeout: 40 });
    await expect(api.POST(createPath, { body: { prompt: "x" } })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.attempts(createRun)).toBe(1);
  });

  it("cancels the timed-out request: the server sees its connection cut", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api } = resilientClient(server.url, { timeout: 40, maxRetries: 0 });
    await expect(api.GET(runPath)).rejects.toBeInstanceOf(TimeoutError);
    await expect.poll(() => server.requests[0]?.cutOff, { timeout: 2000 }).toBe(true);
  });

  it("cancels it also when middleware runs before fetch (the signal then rides on the Request)", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api, use } = resilientClient(server.url, { timeout: 40, maxRetries: 0 });
    const seen: string[] = [];
    use({ onRequest: async ({ request }) => void seen.push(request.method) });
    await expect(api.GET(runPath)).rejects.toBeInstanceOf(TimeoutError);
    expect(seen).toEqual(["GET"]);
    await expect.poll(() => server.requests[0]?.cutOff, { timeout: 2000 }).toBe(true);
  });

  it("a custom fetch that ignores its init's signal still times out", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api } = resilientClient(server.url, {
      timeout: 40,
      maxRetries: 0,
      fetch: (input, init) => fetch(input, { ...init, signal: null }),
    });
    await expect(api.GET(runPath)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("the per-request timeout overrides the client's", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api } = resilientClient(server.url, { timeout: 60_000, maxRetries: 0 });
    const error = await api.GET(runPath, { timeout: 30 }).catch((e: unknown) => e);
    expect((error as TimeoutError).timeoutMs).toBe(30);
  });

  it("a slow answer within the timeout is fine", async () => {
    server.script(getRun, { kind: "json", delayMs: 30 });
    const { api } = resilientClient(server.url, { timeout: 500 });
    await expect(api.GET(runPath)).resolves.toMatchObject({ data: { ok: true } });
  });
});

describe("timeouts, shared by every client's attempts", () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

  it("attempts of two clients with the same timeout, started together, each get at least that timeout", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const timeoutMs = 100;
    const timed = async (api: ReturnType<typeof resilientClient>["api"]) => {
      const started = performance.now();
      await expect(api.GET(runPath)).rejects.toBeInstanceOf(TimeoutError);
      return performance.now() - started;
    };
    const first = timed(resilientClient(server.url, { timeout: timeoutMs, maxRetries: 0 }).api);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = timed(resilientClient(server.url, { timeout: timeoutMs, maxRetries: 0 }).api);
    // Timers have millisecond resolution: allow one.
    for (const elapsed of await Promise.all([first, second]))
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 1);
  });

  it("an attempt that ends clears its timer: idle clients hold none", async () => {
    const { api } = resilientClient(server.url, { timeout: 60_000 });
    await api.GET(runPath);
    const before = timers();
    const clients = Array.from({ length: 3 }, () => resilientClient(server.url, { timeout: 60_000 }).api);
    await Promise.all(clients.map((client) => client.GET(runPath)));
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe("user abort: never retried, rejects with the signal's reason as is", () => {
  const reason = { why: "user navigated away" };

  it("while the request is in flight", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api, retries } = resilientClient(server.url);
    const controller = new AbortController();
    const pending = api.GET(runPath, { signal: controller.signal });
    // Aborted once the server has the request (a fixed delay could fire before it arrives on a busy machine).
    await expect.poll(() => server.attempts(getRun), { timeout: 10_000 }).toBe(1);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(server.attempts(getRun)).toBe(1);
    expect(retries).toEqual([]);
    await expect.poll(() => server.requests[0]?.cutOff, { timeout: 2000 }).toBe(true);
  });

  it("while the body is being read", async () => {
    server.setDefault(getRun, { kind: "stall-body" });
    const { api } = resilientClient(server.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 30);
    await expect(api.GET(runPath, { signal: controller.signal })).rejects.toBe(reason);
  });

  it("during the backoff sleep", async () => {
    server.setDefault(getRun, { kind: "status", status: 503, retryAfter: "30" });
    const { api, retries } = resilientClient(server.url);
    const controller = new AbortController();
    const started = performance.now();
    const pending = api.GET(runPath, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 30);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(retries).toHaveLength(1);
    expect(server.attempts(getRun)).toBe(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const { api } = resilientClient(server.url);
    await expect(api.GET(runPath, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("the default abort reason stays a DOMException AbortError, not a ConnectionError", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api } = resilientClient(server.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await api.GET(runPath, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error as Error).name).toBe("AbortError");
  });
});
