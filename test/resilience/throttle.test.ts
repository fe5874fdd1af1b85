import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ThrottledError } from "../../src/errors.js";
import type { RateLimitTable } from "../../src/resilience/options.js";
import { SlidingWindowLimiter } from "../../src/resilience/throttle.js";
import { startFaultServer, type FaultServer } from "../servers/fault-server.js";
import {
  createRun,
  editPr,
  getRun,
  maxInAnyWindow,
  resilientClient,
  scaledLimits,
  split,
} from "./helpers.js";

const server: FaultServer = await startFaultServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const createPath = "/v1/organizations/1/agent/run";
const { limit, windowMs } = scaledLimits["agent-creation"]!;

function arrivals(route: string): number[] {
  return server.requests.filter((r) => `${r.method} ${r.path}` === route).map((r) => r.at);
}

describe("throttle: wait (default)", () => {
  it("a burst never puts more than the limit in any window at the server", async () => {
    const { api } = resilientClient(server.url);
    const burst = 3 * limit + 1;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: burst }, () => api.POST(createPath, { body: { prompt: "x" } })),
    );
    const elapsed = performance.now() - started;
    expect(results.every((result) => result.response.ok)).toBe(true);
    expect(arrivals(createRun)).toHaveLength(burst);
    expect(maxInAnyWindow(arrivals(createRun), windowMs)).toBeLessThanOrEqual(limit);
    // 10 requests at 3 per window need 3 full windows after the first batch.
    expect(elapsed).toBeGreaterThanOrEqual(3 * windowMs);
  });

  it("also holds when answers are slow: the window starts at the answer", async () => {
    server.setDefault(createRun, { kind: "json", delayMs: 40 });
    const { api } = resilientClient(server.url);
    await Promise.all(
      Array.from({ length: 2 * limit }, () => api.POST(createPath, { body: { prompt: "x" } })),
    );
    expect(maxInAnyWindow(arrivals(createRun), windowMs)).toBeLessThanOrEqual(limit);
  });

  it("limits are per group: other operations are not held up by a full agent-creation window", async () => {
    const { api } = resilientClient(server.url);
    await Promise.all(Array.from({ length: limit }, () => api.POST(createPath, { body: { prompt: "x" } })));
    const started = performance.now();
    await api.GET("/v1/organizations/1/agent/run/7");
    expect(performance.now() - started).toBeLessThan(windowMs);
  });

  it("two clients have separate windows; one client's requests share one", async () => {
    const first = resilientClient(server.url, { throttle: "fail" });
    const second = resilientClient(server.url, { throttle: "fail" });
    for (let i = 0; i < limit; i++) await first.api.POST(createPath, { body: {} });
    await expect(first.api.POST(createPath, { body: {} })).rejects.toBeInstanceOf(ThrottledError);
    await expect(second.api.POST(createPath, { body: {} })).resolves.toMatchObject({ data: { ok: true } });
  });

  it("an operation missing from the table counts against the standard group", async () => {
    const { api } = resilientClient(server.url, {
      throttle: "fail",
      rateLimits: { ...scaledLimits, standard: { limit: 1, windowMs: 10_000 } },
    });
    await api.GET("/v2/brand-new-endpoint");
    const error = await api.GET("/v2/another-one").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).operation).toEqual({ method: "GET", path: "/v2/another-one" });
  });
});

describe("throttle: fail and false", () => {
  it('"fail" throws ThrottledError naming the operation and the limit, and sends nothing', async () => {
    const { api } = resilientClient(server.url, { throttle: "fail" });
    const calls = Array.from({ length: limit + 1 }, () =>
      api.POST(createPath, { body: {} }).catch((e: unknown) => e),
    );
    const results = await Promise.all(calls);
    const error = results.find((result) => result instanceof ThrottledError) as ThrottledError;
    expect(error.message).toBe(
      `POST /v1/organizations/{org_id}/agent/run would exceed the documented rate limit ` +
        `(agent-creation: ${limit} requests per ${windowMs / 1000} s); next slot in ${error.waitMs} ms`,
    );
    expect(error.waitMs).toBeGreaterThan(0);
    expect(error.waitMs).toBeLessThanOrEqual(windowMs);
    expect(server.attempts(createRun)).toBe(limit);
  });

  it("per-request throttle: false bypasses the limiter", async () => {
    const { api } = resilientClient(server.url, { throttle: "fail" });
    const calls = Array.from({ length: limit + 2 }, () =>
      api.POST(createPath, { body: {}, throttle: false }),
    );
    await Promise.all(calls);
    expect(server.attempts(createRun)).toBe(limit + 2);
  });

  it("an abort while queued for a slot rejects with the reason and frees the queue", async () => {
    const { api } = resilientClient(server.url);
    await Promise.all(Array.from({ length: limit }, () => api.POST(createPath, { body: {} })));
    const controller = new AbortController();
    const queued = api.POST(createPath, { body: {}, signal: controller.signal });
    controller.abort("changed my mind");
    await expect(queued).rejects.toBe("changed my mind");
    await expect(api.POST(createPath, { body: {} })).resolves.toMatchObject({ data: { ok: true } });
    expect(server.attempts(createRun)).toBe(limit + 1);
  });
});

describe("a 429 with Retry-After", () => {
  it("holds the whole group, not only the request it answered", async () => {
    server.script(createRun, { kind: "status", status: 429, retryAfter: "1" });
    const { api } = resilientClient(server.url);
    const first = api.POST(createPath, { body: {} });
    await expect.poll(() => server.requests.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = api.POST(createPath, { body: {} });
    await expect(Promise.all([first, second])).resolves.toMatchObject([
      { data: { ok: true } },
      { data: { ok: true } },
    ]);
    const [refused, ...later] = server.requests.map((request) => request.at);
    expect(later).toHaveLength(2);
    for (const at of later) expect(at - refused!).toBeGreaterThanOrEqual(990);
  });
});

describe("a group's limiter, created by the group's first call", () => {
  /** One group, two operations: whichever is called first creates the limiter both share. */
  const shared: RateLimitTable = {
    standard: { limit: 1000, windowMs: 1000 },
    shared: {
      limit,
      windowMs,
      operations: [
        "POST /v1/organizations/{org_id}/agent/run",
        "PATCH /v1/organizations/{org_id}/prs/{pr_id}",
      ],
    },
  };
  const editPath = split(editPr)[1];
  const groupArrivals = () => [...arrivals(createRun), ...arrivals(editPr)];

  it("is shared by concurrent first calls across the group's operations: one window at the server", async () => {
    const { api } = resilientClient(server.url, { rateLimits: shared });
    const burst = Array.from({ length: 3 * limit + 1 }, (_, i) =>
      i % 2
        ? api.request("patch", editPath, { body: { title: "x" } })
        : api.POST(createPath, { body: { prompt: "x" } }),
    );
    const results = await Promise.all(burst);
    expect(results.every((result) => result.response.ok)).toBe(true);
    expect(groupArrivals()).toHaveLength(3 * limit + 1);
    expect(maxInAnyWindow(groupArrivals(), windowMs)).toBeLessThanOrEqual(limit);
  });

  it('with "fail", admits exactly the limit of concurrent first calls across the group\'s operations', async () => {
    const { api } = resilientClient(server.url, { rateLimits: shared, throttle: "fail" });
    const results = await Promise.all(
      Array.from({ length: limit + 2 }, (_, i) =>
        (i % 2 ? api.request("patch", editPath, { body: {} }) : api.POST(createPath, { body: {} })).catch(
          (e: unknown) => e,
        ),
      ),
    );
    expect(results.filter((result) => result instanceof ThrottledError)).toHaveLength(2);
    expect(groupArrivals()).toHaveLength(limit);
  });

  it("a Retry-After on one operation holds the group's other one, though it was never called before", async () => {
    server.script(createRun, { kind: "status", status: 429, retryAfter: "1" });
    const { api } = resilientClient(server.url, { rateLimits: shared });
    const refused = api.POST(createPath, { body: {} });
    await expect.poll(() => server.requests.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(api.request("patch", editPath, { body: {} })).resolves.toMatchObject({ data: { ok: true } });
    await expect(refused).resolves.toMatchObject({ data: { ok: true } });
    const [refusedAt] = arrivals(createRun);
    for (const at of [...arrivals(editPr), ...arrivals(createRun).slice(1)])
      expect(at - refusedAt!).toBeGreaterThanOrEqual(990);
  });
});

describe("SlidingWindowLimiter", () => {
  it("holds a slot while its request is in flight, then for a window after the answer", () => {
    const limiter = new SlidingWindowLimiter(1, 50);
    const release = limiter.tryAcquire();
    expect(release).toBeTypeOf("function");
    expect(limiter.tryAcquire()).toBeUndefined();
    expect(limiter.waitMs()).toBe(Number.POSITIVE_INFINITY);
    release!();
    expect(limiter.waitMs()).toBeGreaterThan(40);
    expect(limiter.waitMs(performance.now() + 50)).toBe(0);
  });

  it("serves waiters first come, first served and keeps no timer once idle", async () => {
    const limiter = new SlidingWindowLimiter(1, 20);
    const signal = new AbortController().signal;
    const order: number[] = [];
    limiter.tryAcquire()!();
    const waits = [1, 2, 3].map((n) => limiter.acquire(signal).then((release) => (order.push(n), release())));
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
    const timers = process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length).toBeLessThanOrEqual(
      timers,
    );
  });
});

describe("the documented limits (default table)", () => {
  it("the 11th create-run POST within a minute is refused by the client: 10 per 60 s", async () => {
    const { api } = resilientClient(server.url, { throttle: "fail", rateLimits: undefined });
    for (let i = 0; i < 10; i++) await api.POST(createPath, { body: {} });
    const error = await api.POST(createPath, { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).message).toContain("(agent-creation: 10 requests per 60 s)");
    expect(server.attempts(createRun)).toBe(10);
    await expect(api.GET("/v1/organizations/1/agent/run/7")).resolves.toMatchObject({ data: { ok: true } });
  });

  it("each client has its own windows, though the table is indexed once for all", async () => {
    const first = resilientClient(server.url, { throttle: "fail", rateLimits: undefined });
    const second = resilientClient(server.url, { throttle: "fail", rateLimits: undefined });
    for (let i = 0; i < 10; i++) await first.api.POST(createPath, { body: {} });
    await expect(first.api.POST(createPath, { body: {} })).rejects.toBeInstanceOf(ThrottledError);
    await expect(second.api.POST(createPath, { body: {} })).resolves.toMatchObject({ data: { ok: true } });
    expect(server.attempts(createRun)).toBe(11);
  });
});
