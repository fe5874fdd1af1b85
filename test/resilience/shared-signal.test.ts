import { getEventListeners } from "node:events";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "../servers/fault-server.js";
import { getRun, resilientClient } from "./helpers.js";

const server: FaultServer = await startFaultServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const runPath = "/v1/organizations/1/agent/run/7";
const calls = 20;

// Node prints MaxListenersExceededWarning once a signal has more than ten "abort" listeners.
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
process.on("warning", onWarning);
afterEach(() => void (warnings.length = 0));
afterAll(() => void process.off("warning", onWarning));

const listenersOn = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

describe("one AbortSignal shared by many concurrent calls", () => {
  it("calls queued by the throttle add one listener to it, not one each, and abort together", async () => {
    server.setDefault(getRun, { kind: "stall-headers" });
    const { api } = resilientClient(server.url, {
      rateLimits: { standard: { limit: 2, windowMs: 60_000 } },
    });
    const controller = new AbortController();
    const pending = Array.from({ length: calls }, () =>
      api.GET(runPath, { signal: controller.signal }).catch((error: unknown) => error),
    );
    await expect.poll(() => server.attempts(getRun)).toBe(2);
    expect(listenersOn(controller.signal)).toBe(1);

    const reason = new Error("stop");
    controller.abort(reason);
    expect(await Promise.all(pending)).toEqual(Array(calls).fill(reason));
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });

  it("calls waiting out a Retry-After add one listener to it, and none is left once they are done", async () => {
    server.setDefault(getRun, { kind: "status", status: 503, retryAfter: "1" });
    const { api } = resilientClient(server.url, { maxRetries: 1 });
    const controller = new AbortController();
    const pending = Array.from({ length: calls }, () =>
      api.GET(runPath, { signal: controller.signal }).catch((error: unknown) => error),
    );
    await expect.poll(() => server.attempts(getRun)).toBe(calls);
    // Every call is now asleep until its retry; the attempts' own timeouts have ended.
    await expect.poll(() => listenersOn(controller.signal)).toBe(1);
    controller.abort(new Error("stop"));
    await Promise.all(pending);
    expect(listenersOn(controller.signal)).toBe(0);
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });

  it("calls in flight share it too, and leave nothing on it once answered", async () => {
    server.setDefault(getRun, { kind: "json", delayMs: 50 });
    const { api } = resilientClient(server.url);
    const controller = new AbortController();
    const results = await Promise.all(
      Array.from({ length: calls }, () => api.GET(runPath, { signal: controller.signal })),
    );
    expect(results.every(({ data }) => data?.ok)).toBe(true);
    expect(listenersOn(controller.signal)).toBe(0);
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });
});
