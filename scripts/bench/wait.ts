/**
 * Simulated ten-minute agent runs against the fake API on a virtual clock: how many polls waitForAgentRun
 * makes, how late it sees completion, and the most polls in any rate-limit window against the documented
 * limit (which must never be exceeded). followAgentRunLogs is measured the same way on its own endpoint.
 * Run: npm run bench:wait
 */
import createClient from "openapi-fetch";
import type { paths } from "../../src/generated/schema.js";
import { operationGroups, rateLimits } from "../../src/generated/operations.js";
import { createHelpers } from "../../src/helpers/index.js";
import { maxInWindow, VirtualClock } from "../../test/helpers/fixtures.js";
import { startFakeApi, type RunScript } from "../../test/servers/fake-api.js";
import { exitIfHelp, isQuick } from "../lib/cli-help.js";

exitIfHelp({
  command: "npm run bench:wait",
  summary:
    "simulated ten-minute agent runs against the fake API on a virtual clock: how many polls waitForAgentRun and " +
    "followAgentRunLogs make, how late they see completion, and the most polls in any rate-limit window against " +
    "the documented limit.",
  options: [["--quick", "off", "one completion time instead of four: the same columns"]],
  exitCodes: [
    [0, "figures printed"],
    [1, "the benchmark failed (the error says where)"],
  ],
});

const GET_RUN = "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}";
const GET_LOGS = "GET /v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs";
const TEN_MINUTES = 600_000;

function limitOf(route: string) {
  const group = operationGroups[route];
  const limit = group === undefined ? undefined : rateLimits[group];
  if (!limit)
    throw new Error(
      `bench:wait: no rate limit for ${route} in src/generated/operations.ts (run npm run build)`,
    );
  return { group, ...limit };
}

/** A run that starts, logs every ~7 s, and completes at `completeAt`. */
const tenMinuteRun = (completeAt: number): RunScript => ({
  timeline: [
    { at: 0, status: "PENDING" },
    { at: 4_000, status: "RUNNING" },
    { at: completeAt, status: "COMPLETE" },
  ],
  logs: Array.from({ length: Math.floor(completeAt / 7_000) }, (_, i) => ({
    at: 3_000 + i * 7_000,
    message_type: "ACTION",
    thought: `step ${i}`,
  })),
  result: "Done",
});

async function measure(helper: "wait" | "follow", completeAt: number) {
  const clock = new VirtualClock();
  const fake = await startFakeApi({ clock });
  try {
    const api = createClient<paths>({ baseUrl: fake.url, headers: { Authorization: "Bearer test" } });
    const helpers = createHelpers({ api, orgId: 1 }, clock);
    const id = fake.addRun(tenMinuteRun(completeAt));
    const start = clock.now();
    if (helper === "wait") await helpers.waitForAgentRun(id, { timeout: 2 * TEN_MINUTES });
    else for await (const _ of helpers.followAgentRunLogs(id));
    const route = helper === "wait" ? GET_RUN : GET_LOGS;
    const limit = limitOf(route);
    const times = fake.requests.filter((r) => r.route === route).map((r) => r.at);
    return {
      helper: helper === "wait" ? "waitForAgentRun" : "followAgentRunLogs",
      "completes at": `${completeAt / 1000} s`,
      requests: times.length,
      "late by": `${((clock.now() - start - completeAt) / 1000).toFixed(1)} s`,
      "max in window": `${maxInWindow(times, limit.windowMs)} / ${limit.limit} per ${limit.windowMs / 1000} s`,
      "share of limit": `${((100 * maxInWindow(times, limit.windowMs)) / limit.limit).toFixed(0)} %`,
      exceeded: maxInWindow(times, limit.windowMs) > limit.limit,
    };
  } finally {
    await fake.close();
  }
}

const rows = [];
for (const helper of ["wait", "follow"] as const) {
  // The ten-minute run, and completions landing at other points of the 15 s polling cycle.
  const completions = [TEN_MINUTES, TEN_MINUTES + 1_000, TEN_MINUTES + 7_500, TEN_MINUTES + 14_000];
  for (const completeAt of isQuick() ? completions.slice(0, 1) : completions) {
    rows.push(await measure(helper, completeAt));
  }
}
console.table(rows);
if (rows.some((row) => row.exceeded)) {
  console.error("bench:wait: a helper exceeded the documented rate limit");
  process.exitCode = 1;
}
