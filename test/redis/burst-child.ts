/**
 * One process of a shared-budget burst (spawned by test/redis and scripts/bench/shared.ts): makes CALLS
 * concurrent create-agent-run calls against API_URL with a scaled limits table (LIMIT per WINDOW_MS), sharing
 * the budget through REDIS_URL unless it is empty (REDIS_CLIENT: redis or ioredis), and prints one JSON line: the
 * statuses and thrown errors, the store's warnings, and how long its calls took. THROTTLE, MAX_RETRIES and
 * LEASE_MS set the options of those names.
 */
import { Redis } from "ioredis";
import { createClient } from "redis";
import { createCodegenApi } from "../../src/index.js";
import { redisRateLimitStore, type RedisLike } from "../../src/redis/index.js";
import { CREATE_RUN } from "./limited-api.js";

const env = process.env;
const calls = Number(env.CALLS);
const limit = Number(env.LIMIT);
const windowMs = Number(env.WINDOW_MS);
const warnings: string[] = [];

let redis: (RedisLike & { quit(): Promise<unknown> }) | undefined;
if (env.REDIS_URL) {
  if (env.REDIS_CLIENT === "ioredis") {
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    client.on("error", () => {});
    redis = client;
  } else {
    const client = createClient({ url: env.REDIS_URL, socket: { reconnectStrategy: () => 50 } });
    client.on("error", () => {});
    await client.connect();
    redis = client;
  }
}
const store =
  redis &&
  redisRateLimitStore(redis, {
    warn: (message) => warnings.push(message),
    ...(env.LEASE_MS ? { leaseMs: Number(env.LEASE_MS) } : {}),
  });

const api = createCodegenApi({
  token: env.TOKEN,
  baseUrl: env.API_URL,
  orgId: 1,
  maxRetries: Number(env.MAX_RETRIES ?? 0),
  throttle: env.THROTTLE === "fail" ? "fail" : "wait",
  rateLimits: { "agent-creation": { limit, windowMs, operations: [`POST ${CREATE_RUN}`] } },
  rateLimitStore: store,
});

// Parent and child agree on a start: the parent says "go" on stdin once every child is ready.
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
const started = performance.now();

const outcomes = await Promise.all(
  Array.from({ length: calls }, () =>
    api.POST(CREATE_RUN, { params: { path: { org_id: 1 } }, body: { prompt: "shared budget" } }).then(
      ({ response }) => response.status,
      (error: Error) => `${error.name}: ${error.message}`,
    ),
  ),
);
const elapsedMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ outcomes, warnings, elapsedMs })}\n`);
// quit() sends what is queued (the last releases) before closing; a Redis that is down gets a moment, no more.
await Promise.race([redis?.quit().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 1000))]);
process.exit(0);
