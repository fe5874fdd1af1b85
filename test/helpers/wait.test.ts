import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { afterEach, describe, expect } from "vitest";
import { ConfigurationError, NotFoundError, PermissionDeniedError } from "../../src/errors.js";
import type { paths } from "../../src/generated/schema.js";
import { AgentRunTimeoutError, agentRunOutcome, createHelpers } from "../../src/helpers/index.js";
import { OPERATIONS, withOperations } from "../fixtures/operations.js";
import type { RunScript } from "../servers/fake-api.js";
import { maxInWindow, startHarness, type Harness } from "./fixtures.js";

const GET_RUN = OPERATIONS.getAgentRun.route;
/**
 * Every test here runs against the fake API, which plays getAgentRun where the table has it: skipped, saying why, if
 * the docs move it (the helper follows the move; the fake must be updated by hand).
 */
const it = withOperations("getAgentRun");
let harness: Harness;
afterEach(() => harness?.fake.close());

const script = (...timeline: [number, string | null][]): RunScript => ({
  timeline: timeline.map(([at, status]) => ({ at, status })),
  result: "Done",
  pullRequests: [{ id: 9, title: "Fix", url: "https://github.com/acme/app/pull/9", head_branch_name: "fix" }],
});
const pollTimes = () => harness.fake.requests.filter((r) => r.route === GET_RUN).map((r) => r.at);

describe("waitForAgentRun", () => {
  it("returns the completed run with its result and pull requests", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "PENDING"], [3_000, "RUNNING"], [40_000, "COMPLETE"]));

    const run = await harness.helpers.waitForAgentRun(id);

    expect(run.status).toBe("COMPLETE");
    expect(run.result).toBe("Done");
    expect(run.github_pull_requests?.[0]?.url).toBe("https://github.com/acme/app/pull/9");
  });

  it("backs off from 1 s doubling to 15 s between polls", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "RUNNING"], [120_000, "COMPLETE"]));

    await harness.helpers.waitForAgentRun(id);

    expect(harness.clock.sleeps).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000,
    ]);
  });

  it("stays inside Get Agent Run's limit (60 / 30 s) over a ten-minute run and sees completion within one interval", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "PENDING"], [1_000, "RUNNING"], [600_000, "COMPLETE"]));
    const start = harness.clock.now();

    await harness.helpers.waitForAgentRun(id, { pollInterval: 1_000, maxPollInterval: 15_000 });

    const times = pollTimes();
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(31);
    expect(times.at(-1)! - (start + 600_000)).toBeLessThan(15_000);
    expect(times.length).toBeLessThan(50);
  });

  it("returns a paused run instead of waiting for the user", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "RUNNING"], [5_000, "PAUSED"], [900_000, "COMPLETE"]));

    const run = await harness.helpers.waitForAgentRun(id);

    expect(run.status).toBe("PAUSED");
    expect(agentRunOutcome(run.status)).toBe("paused");
    expect(harness.clock.now() - harness.fake.requests[0]!.at).toBeLessThan(15_000);
  });

  it.each(["ERROR", "FAILED", "CANCELLED", "STOPPED", "TIMEOUT", "MAX_ITERATIONS_REACHED", "OUT_OF_TOKENS"])(
    "returns a run that ended %s rather than throwing",
    async (status) => {
      harness = await startHarness();
      const id = harness.fake.addRun(script([0, "ACTIVE"], [2_500, "EVALUATION"], [6_000, status]));

      const run = await harness.helpers.waitForAgentRun(id);

      expect(run.status).toBe(status);
      expect(agentRunOutcome(run.status)).toBe("failed");
    },
  );

  it("treats a status it does not know as settled instead of polling forever", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "RUNNING"], [2_000, "ARCHIVED"]));

    const run = await harness.helpers.waitForAgentRun(id);

    expect(run.status).toBe("ARCHIVED");
    expect(agentRunOutcome(run.status)).toBe("unknown");
    expect(pollTimes()).toHaveLength(3);
  });

  it("keeps polling a run that has no status yet", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, null], [2_000, "COMPLETE"]));

    expect((await harness.helpers.waitForAgentRun(id)).status).toBe("COMPLETE");
  });

  it("calls onUpdate on the first poll and on each status change only", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "PENDING"], [2_000, "RUNNING"], [30_000, "COMPLETE"]));
    const seen: (string | null | undefined)[] = [];

    await harness.helpers.waitForAgentRun(id, { onUpdate: (run) => seen.push(run.status) });

    expect(seen).toEqual(["PENDING", "RUNNING", "COMPLETE"]);
    expect(pollTimes().length).toBeGreaterThan(seen.length);
  });

  it("throws AgentRunTimeoutError carrying the last status seen once the timeout runs out", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "PENDING"], [5_000, "RUNNING"], [3_600_000, "COMPLETE"]));
    const start = harness.clock.now();

    const error = await harness.helpers.waitForAgentRun(id, { timeout: 60_000 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AgentRunTimeoutError);
    expect(error).toMatchObject({ agentRunId: id, timeoutMs: 60_000, lastStatus: "RUNNING" });
    expect((error as AgentRunTimeoutError).message).toContain("last status RUNNING");
    expect(harness.clock.now() - start).toBe(60_000);
  });

  it("gives up on a hung request at the deadline rather than waiting for it", async () => {
    const hung = createServer(() => {});
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = hung.address() as AddressInfo;
      const api = createClient<paths>({
        baseUrl: `http://127.0.0.1:${port}`,
        headers: { Authorization: "Bearer test" },
      });
      const helpers = createHelpers({ api, orgId: 1 });

      const error = await helpers.waitForAgentRun(1, { timeout: 200 }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(AgentRunTimeoutError);
      expect(error).toMatchObject({
        lastStatus: undefined,
        message: expect.stringContaining("no status seen"),
      });
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
  });

  it("waits out a 429's Retry-After and keeps polling", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "RUNNING"], [20_000, "COMPLETE"]));
    harness.fake.failNext(GET_RUN, 429, { headers: { "retry-after": "7" } });

    const run = await harness.helpers.waitForAgentRun(id);

    expect(run.status).toBe("COMPLETE");
    expect(harness.clock.sleeps[0]).toBe(7_000);
  });

  it("throws the API's typed error when the run does not exist", async () => {
    harness = await startHarness();
    await expect(harness.helpers.waitForAgentRun(424242)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("polls the organization given in the call over the client's", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "COMPLETE"]));

    await expect(harness.helpers.waitForAgentRun(id, { orgId: 2 })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(harness.fake.requests[0]!.url).toBe(`/v1/organizations/2/agent/run/${id}`);
  });

  it("rejects with the signal's reason when aborted mid-wait and stops polling", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun(script([0, "RUNNING"], [600_000, "COMPLETE"]));
    const controller = new AbortController();
    const reason = new Error("user cancelled");

    const waiting = harness.helpers.waitForAgentRun(id, {
      signal: controller.signal,
      onUpdate: () => controller.abort(reason),
    });

    await expect(waiting).rejects.toBe(reason);
    expect(pollTimes()).toHaveLength(1);
  });

  it.each([
    [{ pollInterval: 200 }, "pollInterval must be at least 1000 ms"],
    [
      { pollInterval: 5_000, maxPollInterval: 2_000 },
      "maxPollInterval (2000) must not be below pollInterval (5000)",
    ],
    [{ timeout: 0 }, "timeout must be a positive number"],
  ])("refuses %o before sending anything", async (options, message) => {
    harness = await startHarness();
    const waiting = harness.helpers.waitForAgentRun(1, options);
    await expect(waiting).rejects.toBeInstanceOf(ConfigurationError);
    await expect(waiting).rejects.toThrow(`waitForAgentRun: ${message}`);
    expect(harness.fake.requests).toHaveLength(0);
  });
});
