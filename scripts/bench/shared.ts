/**
 * `npm run bench:shared`: one rate-limit budget shared by several processes through Redis (codegen-api/redis).
 *
 * 4 node processes × 25 concurrent create-agent-run calls, one token, against a loopback fake API that enforces
 * the documented "agent-creation" limit (10 per minute) with a strict sliding window and answers 429 past it
 * with no Retry-After, as Codegen does. Windows are scaled: 10 per 1 s. Calls are not retried, so every 429 shows.
 *
 * Prints, with the Redis store and then without it (each process alone with the whole budget): the 429s the
 * server sent, the most requests it saw in any window, and the wall time against the theoretical minimum
 * (⌈calls / limit⌉ − 1 full windows). Then a run where Redis is killed mid-burst and restarted, with the client's
 * default retries: calls that failed (threw or ended in a 429) and what the processes warned.
 *
 * Needs redis-server on PATH (Debian package `redis-server`); started on a free loopback port, no persistence.
 */
import { maxInAnyWindow, startLimitedApi } from "../../test/redis/limited-api.js";
import { redisServerPath, startRedisServer } from "../../test/redis/redis-server.js";
import { reported, spawnBurst } from "../../test/redis/spawn-burst.js";
import { exitIfHelp, isQuick } from "../lib/cli-help.js";

exitIfHelp({
  command: "npm run bench:shared",
  summary:
    "4 node processes × 25 create-agent-run calls with one token against a loopback fake API that answers 429 past " +
    "10 requests in any 1 s (the documented 10 per minute, scaled): 429s, the most requests in any window and the " +
    "wall time against the theoretical minimum, with the Redis store (codegen-api/redis) and without it; then the " +
    "calls lost when Redis is killed mid-burst and restarted. Needs redis-server (Debian package `redis-server`).",
  options: [["--quick", "off", "4 processes × 10 calls, windows of 500 ms: the same lines"]],
  exitCodes: [
    [0, "figures printed"],
    [1, "the benchmark failed, or redis-server is not installed (the error says which)"],
  ],
});
if (!redisServerPath) {
  console.error(
    "bench:shared: needs redis-server (Debian package `redis-server`), not found on this machine",
  );
  process.exit(1);
}

const quick = isQuick();
const PROCESSES = 4;
const CALLS_EACH = quick ? 10 : 25;
const LIMIT = 10;
const WINDOW_MS = quick ? 500 : 1000;
const TOKEN = "bench-token";
const total = PROCESSES * CALLS_EACH;
const theoreticalMs = (Math.ceil(total / LIMIT) - 1) * WINDOW_MS;

const redis = await startRedisServer();
try {
  console.log(
    `${PROCESSES} processes × ${CALLS_EACH} POST /v1/organizations/{org_id}/agent/run, one token; the server allows ` +
      `${LIMIT} in any ${WINDOW_MS} ms (documented: ${LIMIT} per minute) and answers 429 past it, no Retry-After\n`,
  );
  for (const shared of [true, false]) {
    const api = await startLimitedApi({ limit: LIMIT, windowMs: WINDOW_MS, tokens: [TOKEN] });
    const results = reported(
      await spawnBurst({
        processes: PROCESSES,
        callsEach: CALLS_EACH,
        apiUrl: api.url,
        redisUrl: shared ? redis.url : "",
        token: TOKEN,
        limit: LIMIT,
        windowMs: WINDOW_MS,
      }),
    );
    await api.close();
    const wallMs = Math.max(...results.map(({ elapsedMs }) => elapsedMs));
    console.log(shared ? "with redisRateLimitStore" : "without a store (each process limits itself alone)");
    console.log(`  429 answers: ${api.rejected} of ${total}`);
    console.log(
      `  max requests seen by the server in any ${WINDOW_MS} ms window: ${maxInAnyWindow(api.arrivals, WINDOW_MS)} (limit ${LIMIT})`,
    );
    const ratio = shared
      ? ` (${(wallMs / theoreticalMs).toFixed(3)}×)`
      : " (no waiting: the 429s above are the price)";
    console.log(`  wall time: ${wallMs.toFixed(0)} ms; theoretical minimum ${theoreticalMs} ms${ratio}\n`);
  }

  // Redis dies one window into the burst and comes back (empty) a window later.
  const api = await startLimitedApi({ limit: LIMIT, windowMs: WINDOW_MS, tokens: [TOKEN] });
  const results = reported(
    await spawnBurst({
      processes: PROCESSES,
      callsEach: CALLS_EACH,
      apiUrl: api.url,
      redisUrl: redis.url,
      token: TOKEN,
      limit: LIMIT,
      windowMs: WINDOW_MS,
      maxRetries: 2,
      onStarted: async () => {
        await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
        await redis.kill();
        await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
        await redis.restart();
      },
    }),
  );
  await api.close();
  const outcomes = results.flatMap((result) => result.outcomes);
  const lost = outcomes.filter((outcome) => outcome !== 200);
  const warned = results.filter(({ warnings }) => warnings.length).length;
  console.log(
    "with redisRateLimitStore, Redis killed after one window and restarted a window later (default retries)",
  );
  console.log(
    `  store outage: ${lost.length} of ${total} calls lost${lost.length ? ` (${[...new Set(lost)].join(", ")})` : ""}`,
  );
  console.log(`  429 answers (retried): ${api.rejected}`);
  console.log(`  processes that warned of the outage: ${warned} of ${PROCESSES}`);
} finally {
  await redis.stop();
}
