/**
 * `npm run bench:burst`: 50 concurrent create-agent-run calls against a loopback server that enforces the
 * documented limit (10 per 60 s) with a strict sliding window, answering 429 past it, and records arrival times.
 *
 * Time is scaled down 100×: the limiter table is the documented one with every window divided by 100
 * (10 per 600 ms), so the run takes seconds, not minutes. Prints, with the client's throttle on and off: the most
 * requests the server saw in any window vs the limit, the 429s earned, and the wall time vs the theoretical
 * minimum (⌈50 / 10⌉ − 1 full windows).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { rateLimits } from "../../src/generated/operations.js";
import { withResilience, type ThrottleMode } from "../../src/resilience/index.js";
import { exitIfHelp, isQuick } from "../lib/cli-help.js";
import { maxInAnyWindow } from "../lib/windows.js";

exitIfHelp({
  command: "npm run bench:burst",
  summary:
    "50 concurrent create-agent-run calls against a loopback server enforcing the documented limit (10 per 60 s, " +
    "time scaled down 100×): the most requests in any window, the 429s earned and the wall time against the " +
    "theoretical minimum, with the client's throttle on and off.",
  options: [["--quick", "off", "a burst of 20 instead of 50: the same lines"]],
  exitCodes: [
    [0, "figures printed"],
    [1, "the benchmark failed (the error says where)"],
  ],
});

const SCALE = 100;
const BURST = isQuick() ? 20 : 50;
const GROUP = "agent-creation";
const ROUTE = "/v1/organizations/{org_id}/agent/run";

const scaledLimits = Object.fromEntries(
  Object.entries(rateLimits).map(([group, rule]) => [group, { ...rule, windowMs: rule.windowMs / SCALE }]),
);
const rule = scaledLimits[GROUP];
if (!rule) throw new Error(`src/generated/operations.ts has no "${GROUP}" rate-limit group`);
const { limit, windowMs } = rule;

/** A server that counts like a strict API would: more than `limit` arrivals in any `windowMs` earn a 429. */
async function startLimitedServer() {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    const now = performance.now();
    req.resume();
    req.on("end", () => {
      const recent = arrivals.filter((at) => now - at < windowMs).length;
      arrivals.push(now);
      const status = recent >= limit ? 429 : 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          status === 200 ? { id: arrivals.length, status: "queued" } : { message: "Rate limit" },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function burst(throttle: ThrottleMode) {
  const server = await startLimitedServer();
  const api = withResilience((transport) => createClient({ baseUrl: server.url, ...transport }), server.url, {
    rateLimits: scaledLimits,
    throttle,
    maxRetries: 0, // count the 429s a burst earns instead of hiding them behind retries
  });
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: BURST }, () =>
      api.POST(ROUTE as never, { params: { path: { org_id: 1 } }, body: { prompt: "bench" } } as never),
    ),
  );
  const wallMs = performance.now() - started;
  await server.close();
  return {
    wallMs,
    maxSeen: maxInAnyWindow(server.arrivals, windowMs),
    rejected: results.filter(({ response }) => response.status === 429).length,
  };
}

const theoreticalMs = (Math.ceil(BURST / limit) - 1) * windowMs;
console.log(
  `Burst of ${BURST} POST ${ROUTE} ("${GROUP}": ${limit} per ${windowMs * SCALE} ms documented, ` +
    `run at ${limit} per ${windowMs} ms: windows scaled 1/${SCALE})\n`,
);
for (const throttle of ["wait", false] as const) {
  const { wallMs, maxSeen, rejected } = await burst(throttle);
  console.log(`throttle: ${JSON.stringify(throttle)}`);
  console.log(`  max requests seen by the server in any ${windowMs} ms window: ${maxSeen} (limit ${limit})`);
  console.log(`  429 answers: ${rejected} of ${BURST}`);
  const overhead =
    throttle === false
      ? "(no waiting: the 429s above are the price)"
      : `(${(wallMs / theoreticalMs).toFixed(3)}×)`;
  console.log(`  wall time: ${wallMs.toFixed(0)} ms; theoretical minimum ${theoreticalMs} ms ${overhead}\n`);
}
