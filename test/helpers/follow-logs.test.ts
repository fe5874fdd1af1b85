import { afterEach, describe, expect } from "vitest";
import { ConfigurationError, ServerError } from "../../src/errors.js";
import { AgentRunTimeoutError } from "../../src/helpers/index.js";
import type { AgentRunLog } from "../../src/index.js";
import { OPERATIONS, withOperations } from "../fixtures/operations.js";
import type { RunScript } from "../servers/fake-api.js";
import { maxInWindow, startHarness, type Harness } from "./fixtures.js";

const LOGS = OPERATIONS.getAgentRunLogs.route;
/**
 * Every test here runs against the fake API, which plays getAgentRunLogs where the table has it: skipped, saying why, if
 * the docs move it (the helper follows the move; the fake must be updated by hand).
 */
const it = withOperations("getAgentRunLogs");
let harness: Harness;
afterEach(() => harness?.fake.close());

const logsAt = (...times: number[]) =>
  times.map((at, i) => ({ at, message_type: "ACTION", thought: `step ${i}` }));
const thoughts = (logs: AgentRunLog[]) => logs.map((log) => log.thought);
const logRequests = () => harness.fake.requests.filter((r) => r.route === LOGS);

async function collect(iterable: AsyncIterable<AgentRunLog>): Promise<AgentRunLog[]> {
  const all: AgentRunLog[] = [];
  for await (const log of iterable) all.push(log);
  return all;
}

describe("followAgentRunLogs", () => {
  it("yields each entry once, in order, as the run writes them, and ends when it settles", async () => {
    harness = await startHarness();
    const script: RunScript = {
      timeline: [
        { at: 0, status: "RUNNING" },
        { at: 90_000, status: "COMPLETE" },
      ],
      logs: logsAt(500, 3_000, 3_100, 20_000, 61_000, 89_000, 90_000),
    };
    const id = harness.fake.addRun(script);
    const arrivals: number[] = [];

    const logs: AgentRunLog[] = [];
    for await (const log of harness.helpers.followAgentRunLogs(id)) {
      logs.push(log);
      arrivals.push(harness.clock.now() - harness.fake.requests[0]!.at);
    }

    expect(thoughts(logs)).toEqual(["step 0", "step 1", "step 2", "step 3", "step 4", "step 5", "step 6"]);
    // Each entry is seen after it was written and, while the run is busy, within one backoff interval of it.
    arrivals.forEach((seenAt, i) => {
      expect(seenAt).toBeGreaterThanOrEqual(script.logs![i]!.at);
      expect(seenAt - script.logs![i]!.at).toBeLessThanOrEqual(15_000);
    });
  });

  it("pages through a backlog of more than 100 entries before polling", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({
      timeline: [{ at: 0, status: "COMPLETE" }],
      logs: Array.from({ length: 250 }, (_, i) => ({ at: 0, message_type: "ACTION", thought: `step ${i}` })),
    });

    const logs = await collect(harness.helpers.followAgentRunLogs(id));

    expect(thoughts(logs)).toEqual(Array.from({ length: 250 }, (_, i) => `step ${i}`));
    expect(logRequests().map((r) => new URL(r.url, "http://x").searchParams.get("skip"))).toEqual([
      "0",
      "100",
      "200",
      "250",
    ]);
    expect(harness.clock.sleeps).toEqual([]);
  });

  it("drains entries written after the status settled", async () => {
    let runId = 0;
    let lateLogAdded = false;
    harness = await startHarness({
      onResponse: (request, _status, body) => {
        // The late writer: the first answer that reports COMPLETE is followed by one more entry.
        if (request.route === LOGS && (body as { status?: string }).status === "COMPLETE" && !lateLogAdded) {
          lateLogAdded = true;
          harness.fake.appendLog(runId, { at: 0, message_type: "FINAL_ANSWER", thought: "late" });
        }
      },
    });
    runId = harness.fake.addRun({
      timeline: [
        { at: 0, status: "RUNNING" },
        { at: 10_000, status: "COMPLETE" },
      ],
      logs: logsAt(1_000),
    });

    const logs = await collect(harness.helpers.followAgentRunLogs(runId));

    expect(thoughts(logs)).toEqual(["step 0", "late"]);
  });

  it("backs off while nothing is written and speeds up again when entries arrive", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({
      timeline: [
        { at: 0, status: "RUNNING" },
        { at: 100_000, status: "COMPLETE" },
      ],
      logs: logsAt(40_000),
    });

    await collect(harness.helpers.followAgentRunLogs(id));

    expect(harness.clock.sleeps).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000,
    ]);
    expect(
      maxInWindow(
        logRequests().map((r) => r.at),
        60_000,
      ),
    ).toBeLessThanOrEqual(60);
  });

  it("starts after `skip` entries", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({ timeline: [{ at: 0, status: "COMPLETE" }], logs: logsAt(0, 0, 0, 0) });

    const logs = await collect(harness.helpers.followAgentRunLogs(id, { skip: 2 }));

    expect(thoughts(logs)).toEqual(["step 2", "step 3"]);
  });

  it("stops polling when the loop breaks", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({ timeline: [{ at: 0, status: "RUNNING" }], logs: logsAt(0, 5_000) });

    for await (const log of harness.helpers.followAgentRunLogs(id)) {
      expect(log.thought).toBe("step 0");
      break;
    }

    expect(logRequests()).toHaveLength(1);
  });

  it("ends on a paused run, which will not write more until resumed", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({
      timeline: [
        { at: 0, status: "RUNNING" },
        { at: 3_000, status: "PAUSED" },
      ],
      logs: logsAt(1_000),
    });

    expect(thoughts(await collect(harness.helpers.followAgentRunLogs(id)))).toEqual(["step 0"]);
  });

  it("rejects with the signal's reason when aborted while waiting for entries", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({ timeline: [{ at: 0, status: "RUNNING" }], logs: logsAt(0) });
    const controller = new AbortController();
    const reason = new Error("stop following");

    const following = (async () => {
      for await (const _ of harness.helpers.followAgentRunLogs(id, { signal: controller.signal })) {
        controller.abort(reason);
      }
    })();

    await expect(following).rejects.toBe(reason);
    expect(logRequests()).toHaveLength(1);
  });

  it("surfaces the API's typed errors", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({ timeline: [{ at: 0, status: "RUNNING" }] });
    harness.fake.failNext(LOGS, 503);

    await expect(collect(harness.helpers.followAgentRunLogs(id))).rejects.toBeInstanceOf(ServerError);
  });

  it("gives up after `timeout` with AgentRunTimeoutError carrying the last status, the entries so far yielded", async () => {
    harness = await startHarness();
    const id = harness.fake.addRun({ timeline: [{ at: 0, status: "RUNNING" }], logs: logsAt(500, 70_000) });
    const logs: AgentRunLog[] = [];
    const following = (async () => {
      for await (const log of harness.helpers.followAgentRunLogs(id, { timeout: 60_000 })) logs.push(log);
    })();

    const error = await following.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRunTimeoutError);
    expect(error).toMatchObject({ agentRunId: id, timeoutMs: 60_000, lastStatus: "RUNNING" });
    expect(thoughts(logs)).toEqual(["step 0"]);
    expect(harness.clock.now() - harness.fake.requests[0]!.at).toBeLessThanOrEqual(60_000);
  });

  it("refuses to poll faster than once a second", async () => {
    harness = await startHarness();
    await expect(collect(harness.helpers.followAgentRunLogs(1, { pollInterval: 10 }))).rejects.toThrow(
      ConfigurationError,
    );
    expect(harness.fake.requests).toHaveLength(0);
  });
});
