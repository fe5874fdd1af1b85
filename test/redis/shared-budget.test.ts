import { createHash } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCodegenApi, ThrottledError } from "../../src/index.js";
import { redisRateLimitStore, type RedisLike, type RedisStoreOptions } from "../../src/redis/index.js";
import { CREATE_RUN, maxInAnyWindow, startLimitedApi } from "./limited-api.js";
import { redisServerPath, startRedisServer, type RedisServer } from "./redis-server.js";
import { reported, spawnBurst } from "./spawn-burst.js";

if (!redisServerPath) {
  if (process.env.CI)
    throw new Error("redis-server is missing (Debian package `redis-server`): CI must install it");
  console.warn("test/redis skipped: redis-server is not installed (Debian package `redis-server`)");
}

type Client = RedisLike & { quit(): Promise<unknown> };
type Api = ReturnType<typeof createCodegenApi>;

const GROUP = "agent-creation";
let tokens = 0;
/** A token of its own per test: budgets are per token, so tests sharing one Redis do not meet. */
const freshToken = () => `test-token-${process.pid}-${++tokens}`;

async function connect(url: string, kind: "redis" | "ioredis" = "redis"): Promise<Client> {
  if (kind === "ioredis") {
    const client = new Redis(url, { maxRetriesPerRequest: null });
    client.on("error", () => {});
    return client;
  }
  const client = createClient({ url, socket: { reconnectStrategy: () => 50 } });
  client.on("error", () => {});
  await client.connect();
  return client;
}

function apiWith(options: {
  url: string;
  token: string;
  limit: number;
  windowMs: number;
  redis: Client;
  throttle?: "wait" | "fail";
  store?: RedisStoreOptions;
}): Api {
  return createCodegenApi({
    token: options.token,
    baseUrl: options.url,
    orgId: 1,
    maxRetries: 0,
    throttle: options.throttle ?? "wait",
    rateLimits: {
      [GROUP]: { limit: options.limit, windowMs: options.windowMs, operations: [`POST ${CREATE_RUN}`] },
    },
    rateLimitStore: redisRateLimitStore(options.redis, options.store),
  });
}

/** One create-agent-run call: its HTTP status, or "Name: message" of what it threw. */
function createRun(api: Api): Promise<number | string> {
  return api.POST(CREATE_RUN, { params: { path: { org_id: 1 } }, body: { prompt: "shared budget" } }).then(
    ({ response }) => response.status,
    (error: Error) => `${error.name}: ${error.message}`,
  );
}

/** Checks `condition` every 20 ms until it holds (an event with no hook to wait on; the test's timeout bounds it). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The store's key `name` for a token's group: keyed by the token's SHA-256, as the store documents. */
function keyOf(token: string, name: "leased" | "answered" | "pause" | "clients"): string {
  return `codegen-api:{${createHash("sha256").update(token).digest("hex")}:${GROUP}}:${name}`;
}

function send(redis: Client, args: string[]): Promise<unknown> {
  return "call" in redis
    ? (redis as Redis).call(args[0]!, ...args.slice(1))
    : (redis as { sendCommand(args: string[]): Promise<unknown> }).sendCommand(args);
}

async function redisNowMs(redis: Client): Promise<number> {
  const [seconds, micros] = (await send(redis, ["TIME"])) as [string, string];
  return Number(seconds) * 1000 + Number(micros) / 1000;
}

/** Script runs the server has executed since it started (INFO commandstats). */
async function scriptRuns(redis: Client): Promise<number> {
  const info = String(await send(redis, ["INFO", "commandstats"]));
  return [...info.matchAll(/^cmdstat_(?:eval|evalsha):calls=(\d+)/gm)].reduce(
    (sum, [, calls]) => sum + Number(calls),
    0,
  );
}

describe.skipIf(!redisServerPath)("one rate-limit budget shared through Redis", () => {
  let redis: RedisServer;
  let probe: Client;
  beforeAll(async () => {
    redis = await startRedisServer();
    probe = await connect(redis.url);
  });
  afterAll(async () => {
    await probe?.quit().catch(() => {});
    await redis?.stop();
  });

  it("several processes (node-redis and ioredis) with one token never exceed the limit in any window, and earn no 429", async () => {
    const token = freshToken();
    const api = await startLimitedApi({ limit: 5, windowMs: 300, tokens: [token] });
    const results = reported(
      await spawnBurst({
        processes: 3,
        callsEach: 6,
        apiUrl: api.url,
        redisUrl: redis.url,
        redisClients: ["redis", "ioredis"],
        token,
        limit: 5,
        windowMs: 300,
      }),
    );
    await api.close();
    expect(results.flatMap((result) => result.outcomes)).toEqual(Array(18).fill(200));
    expect(api.rejected).toBe(0);
    expect(maxInAnyWindow(api.arrivals, 300)).toBeLessThanOrEqual(5);
  }, 60_000);

  it("a process that closes its Redis client right after its calls leaves none of its slots leased", async () => {
    const token = freshToken();
    const api = await startLimitedApi({ limit: 100, windowMs: 60_000, tokens: [token] });
    const [result] = await spawnBurst({
      processes: 1,
      callsEach: 3,
      apiUrl: api.url,
      redisUrl: redis.url,
      token,
      limit: 3,
      windowMs: 60_000,
    });
    await api.close();
    expect(result).toMatchObject({ outcomes: [200, 200, 200] });
    // Each answer reached Redis before the client closed: the slots run one window from their answers, and no
    // lease holds them a window longer.
    expect(await send(probe, ["ZCARD", keyOf(token, "leased")])).toBe(0);
    expect(await send(probe, ["ZCARD", keyOf(token, "answered")])).toBe(3);
  }, 60_000);

  it("a refusal names when the next slot can free: within one window, even with every slot in flight", async () => {
    const client = await connect(redis.url);
    try {
      const limiter = redisRateLimitStore(client).limiter(
        { group: GROUP, limit: 2, windowMs: 10_000 },
        freshToken(),
      );
      const first = await limiter.acquire();
      await limiter.acquire();
      expect(await limiter.tryAcquire()).toBeUndefined();
      // In flight: answered now at the soonest, so free a window from now at the soonest, not lease + window.
      expect(limiter.waitMs()).toBeGreaterThan(0);
      expect(limiter.waitMs()).toBeLessThanOrEqual(10_000);
      first();
      await until(async () => (await limiter.tryAcquire()) === undefined && limiter.waitMs() < 10_000);
      expect(limiter.waitMs()).toBeGreaterThan(0);
    } finally {
      await client.quit();
    }
  });

  it("Redis killed mid-burst: every call still succeeds in-process, each process warns once, and the restarted Redis is used again", async () => {
    const token = freshToken();
    // The fake API is lenient here: this test is about calls not being lost, the benchmark counts the 429s.
    const api = await startLimitedApi({ limit: 1000, windowMs: 300, tokens: [token] });
    let restarted = false;
    const results = reported(
      await spawnBurst({
        processes: 3,
        callsEach: 20,
        apiUrl: api.url,
        redisUrl: redis.url,
        redisClients: ["redis", "ioredis"],
        token,
        limit: 3,
        windowMs: 300,
        onStarted: async () => {
          await api.arrived(6);
          await redis.kill();
          await api.arrived(15);
          await redis.restart();
          restarted = true;
        },
      }),
    );
    await api.close();
    expect(restarted).toBe(true);
    expect(results.flatMap((result) => result.outcomes)).toEqual(Array(60).fill(200));
    for (const { warnings } of results) {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Redis rate-limit store did not answer/);
      expect(warnings[0]).not.toContain(token);
    }
    // The restarted server started empty: any script it ran came from the processes coming back to it.
    const client = await connect(redis.url);
    try {
      expect(await scriptRuns(client)).toBeGreaterThan(0);
    } finally {
      await client.quit();
    }
  }, 60_000);

  it.each(["redis", "ioredis"] as const)(
    "a Redis that accepts connections and never answers never hangs a call (%s): the client limits itself",
    async (kind) => {
      const sockets: Socket[] = [];
      const blackHole = createTcpServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
      const url = `redis://127.0.0.1:${(blackHole.address() as AddressInfo).port}`;
      const token = freshToken();
      const api = await startLimitedApi({ limit: 3, windowMs: 200, tokens: [token] });
      let client: Client;
      if (kind === "ioredis") client = await connect(url, "ioredis");
      else {
        const nodeRedis = createClient({ url, socket: { reconnectStrategy: false } });
        nodeRedis.on("error", () => {});
        // Never resolves (no handshake answer); commands queue meanwhile.
        nodeRedis.connect().catch(() => {});
        client = nodeRedis;
      }
      const warnings: string[] = [];
      try {
        const codegen = apiWith({
          url: api.url,
          token,
          limit: 3,
          windowMs: 200,
          redis: client,
          store: { timeoutMs: 100, warn: (message) => warnings.push(message) },
        });
        const outcomes = await Promise.all(Array.from({ length: 7 }, () => createRun(codegen)));
        expect(outcomes).toEqual(Array(7).fill(200));
        expect(api.rejected).toBe(0);
        expect(maxInAnyWindow(api.arrivals, 200)).toBeLessThanOrEqual(3);
        expect(warnings).toHaveLength(1);
      } finally {
        if ("disconnect" in client) (client as Redis).disconnect();
        else (client as ReturnType<typeof createClient>).destroy();
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => blackHole.close(resolve));
        await api.close();
      }
    },
  );

  it("a Redis that stops answering mid-burst (SIGSTOP) costs no call and no hang", async () => {
    const token = freshToken();
    const api = await startLimitedApi({ limit: 2, windowMs: 200, tokens: [token] });
    const client = await connect(redis.url);
    const warnings: string[] = [];
    try {
      const codegen = apiWith({
        url: api.url,
        token,
        limit: 2,
        windowMs: 200,
        redis: client,
        store: { timeoutMs: 100, warn: (message) => warnings.push(message) },
      });
      const calls = Promise.all(Array.from({ length: 8 }, () => createRun(codegen)));
      await api.arrived(2);
      redis.freeze();
      await api.arrived(6);
      redis.thaw();
      expect(await calls).toEqual(Array(8).fill(200));
      expect(api.rejected).toBe(0);
      expect(warnings).toHaveLength(1);
    } finally {
      redis.thaw();
      await client.quit();
      await api.close();
    }
  }, 30_000);

  it("while Redis is out, each process takes its share of the budget, counting the slots it already holds", async () => {
    const token = freshToken();
    const group = { group: GROUP, limit: 4, windowMs: 10_000 };
    const [one, two] = [await connect(redis.url), await connect(redis.url)];
    const options = { timeoutMs: 100, warn: () => {} };
    // Two processes' limiters: each store has its own.
    const a = redisRateLimitStore(one, options).limiter(group, token);
    const b = redisRateLimitStore(two, options).limiter(group, token);
    const held = [await a.tryAcquire(), await b.tryAcquire(), await a.tryAcquire(), await b.tryAcquire()];
    expect(held.every(Boolean)).toBe(true);
    redis.freeze();
    try {
      // Two limiters share a limit of 4: 2 each, and `a` already holds one (the other from before it knew of `b`).
      const during = [];
      for (let ask = 0; ask < 4; ask++) during.push(await a.tryAcquire());
      expect(during.filter(Boolean)).toHaveLength(1);
    } finally {
      redis.thaw();
      for (const release of held) release!();
      await one.quit();
      await two.quit();
    }
  });

  it("after Redis comes back empty (restarted), a process still counts what it sent in-process meanwhile, for one window", async () => {
    const token = freshToken();
    const client = await connect(redis.url);
    const limiter = redisRateLimitStore(client, { timeoutMs: 100, warn: () => {} }).limiter(
      { group: GROUP, limit: 2, windowMs: 10_000 },
      token,
    );
    const held = [await limiter.tryAcquire()];
    await redis.kill();
    held.push(await limiter.tryAcquire());
    expect(held.every(Boolean)).toBe(true);
    await redis.restart();
    try {
      const pings = async () =>
        /^cmdstat_ping:calls=[1-9]/m.test(String(await send(probe, ["INFO", "commandstats"])));
      // Refused while Redis is out, and still refused once the store's PING has found it back (empty).
      do expect(await limiter.tryAcquire()).toBeUndefined();
      while (!(await pings()));
      // The store's client answers in order: once this echo is back, so is the PING, and the store has seen it.
      await send(client, ["ECHO", "after the PING"]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(await limiter.tryAcquire()).toBeUndefined();
      expect(limiter.waitMs()).toBeGreaterThan(0);
    } finally {
      for (const release of held) release!();
      await client.quit();
    }
  });

  it("a process that dies holding slots frees them within one lease and window: the others are not starved", async () => {
    const token = freshToken();
    // Takes the calls and never answers: the dying process holds every slot of the group.
    const held: IncomingMessage[] = [];
    const hanging = createHttpServer((request) => held.push(request));
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const limit = 3;
    const windowMs = 300;
    const leaseMs = 300;
    let deadLeases: string[] = [];
    try {
      const [dead] = await spawnBurst({
        processes: 1,
        callsEach: limit,
        apiUrl: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`,
        redisUrl: redis.url,
        token,
        limit,
        windowMs,
        leaseMs,
        onStarted: async ([child]) => {
          await until(async () => held.length === limit);
          const now = await redisNowMs(probe);
          const leases = (await send(probe, [
            "ZRANGE",
            keyOf(token, "leased"),
            "0",
            "-1",
            "WITHSCORES",
          ])) as string[];
          deadLeases = leases.filter((_, index) => index % 2 === 0);
          expect(deadLeases).toHaveLength(limit);
          // Each stops counting at most a lease and a window from now, answered or not.
          for (let index = 1; index < leases.length; index += 2)
            expect(Number(leases[index]) - now).toBeLessThanOrEqual(leaseMs + windowMs);
          child!.kill("SIGKILL");
        },
      });
      expect(dead).toBe("killed");
    } finally {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }

    const api = await startLimitedApi({ limit, windowMs, tokens: [token] });
    const client = await connect(redis.url);
    try {
      const survivor = apiWith({ url: api.url, token, limit, windowMs, redis: client, store: { leaseMs } });
      const outcomes = await Promise.all(Array.from({ length: limit }, () => createRun(survivor)));
      expect(outcomes).toEqual(Array(limit).fill(200));
      for (const member of deadLeases)
        expect(await send(probe, ["ZSCORE", keyOf(token, "leased"), member])).toBeNull();
    } finally {
      await client.quit();
      await api.close();
    }
  }, 30_000);

  it("a 429's Retry-After pauses the group for every process: another process refuses (throttle: fail) and sends nothing", async () => {
    const token = freshToken();
    const api = await startLimitedApi({ limit: 100, windowMs: 1000, tokens: [token] });
    const client = await connect(redis.url);
    try {
      const first = apiWith({ url: api.url, token, limit: 10, windowMs: 1000, redis: client });
      void api.retryAfterNext(30);
      expect(await createRun(first)).toBe(429);
      // The pause is written as the 429 is handled, without holding the call back: wait for it to land.
      await until(async () => Number(await send(probe, ["PTTL", keyOf(token, "pause")])) > 0);
      const [other] = reported(
        await spawnBurst({
          processes: 1,
          callsEach: 2,
          apiUrl: api.url,
          redisUrl: redis.url,
          token,
          limit: 10,
          windowMs: 1000,
          throttle: "fail",
        }),
      );
      expect(other!.outcomes).toEqual([
        expect.stringMatching(/^ThrottledError: /),
        expect.stringMatching(/^ThrottledError: /),
      ]);
      expect(api.arrivals).toHaveLength(1);
    } finally {
      await client.quit();
      await api.close();
    }
  }, 60_000);

  it("a 429's Retry-After holds another client's next request until the pause is over (throttle: wait)", async () => {
    const token = freshToken();
    const api = await startLimitedApi({ limit: 100, windowMs: 1000, tokens: [token] });
    const [one, two] = [await connect(redis.url), await connect(redis.url, "ioredis")];
    try {
      const first = apiWith({ url: api.url, token, limit: 10, windowMs: 1000, redis: one });
      const second = apiWith({ url: api.url, token, limit: 10, windowMs: 1000, redis: two });
      const sent = api.retryAfterNext(1);
      expect(await createRun(first)).toBe(429);
      const sentAt = await sent;
      await until(async () => Number(await send(probe, ["PTTL", keyOf(token, "pause")])) > 0);
      expect(await createRun(second)).toBe(200);
      // Ordering, not speed: the pause began after the 429 left and lasts 1 s (a margin for clock rounding).
      expect(api.arrivals[1]! - sentAt).toBeGreaterThan(900);
    } finally {
      await one.quit();
      await two.quit();
      await api.close();
    }
  }, 30_000);

  it('throttle: "fail" with a store refuses once the shared window is full, naming the wait, and sends nothing', async () => {
    const token = freshToken();
    const api = await startLimitedApi({ limit: 100, windowMs: 10_000, tokens: [token] });
    const [one, two] = [await connect(redis.url), await connect(redis.url)];
    try {
      const options = { url: api.url, token, limit: 2, windowMs: 10_000, throttle: "fail" as const };
      const first = apiWith({ ...options, redis: one });
      const second = apiWith({ ...options, redis: two });
      expect(await Promise.all([createRun(first), createRun(first)])).toEqual([200, 200]);
      const refusal = await second
        .POST(CREATE_RUN, { params: { path: { org_id: 1 } }, body: { prompt: "over budget" } })
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ThrottledError);
      expect((refusal as ThrottledError).waitMs).toBeGreaterThan(0);
      expect((refusal as ThrottledError).waitMs).toBeLessThanOrEqual(10_000);
      expect(api.arrivals).toHaveLength(2);
    } finally {
      await one.quit();
      await two.quit();
      await api.close();
    }
  });

  it("budgets are per token: two tokens on one Redis do not share a window", async () => {
    const [tokenA, tokenB] = [freshToken(), freshToken()];
    const api = await startLimitedApi({ limit: 100, windowMs: 10_000, tokens: [tokenA, tokenB] });
    const client = await connect(redis.url);
    try {
      const options = { url: api.url, limit: 2, windowMs: 10_000, throttle: "fail" as const, redis: client };
      const a = apiWith({ ...options, token: tokenA });
      const b = apiWith({ ...options, token: tokenB });
      expect(await Promise.all([createRun(a), createRun(a)])).toEqual([200, 200]);
      expect(await Promise.all([createRun(b), createRun(b)])).toEqual([200, 200]);
      expect(await createRun(a)).toMatch(/^ThrottledError: /);
      expect(api.arrivals).toHaveLength(4);
    } finally {
      await client.quit();
      await api.close();
    }
  });

  it("keys name a hash of the token, never the token, and expire on their own", async () => {
    const client = await connect(redis.url);
    try {
      const token = `secret-token-value-${freshToken()}`;
      const limiter = redisRateLimitStore(client).limiter(
        { group: GROUP, limit: 2, windowMs: 10_000 },
        token,
      );
      const release = await limiter.acquire();
      release();
      const all = (await send(client, ["KEYS", "codegen-api:*"])) as string[];
      for (const key of all) expect(key).not.toContain(token);
      const keys = all.filter((key) => key.startsWith(keyOf(token, "leased").replace(/leased$/, "")));
      expect(keys.sort()).toEqual([keyOf(token, "answered"), keyOf(token, "clients")]);
      for (const key of keys) expect(Number(await send(client, ["PTTL", key]))).toBeGreaterThan(0);
    } finally {
      await client.quit();
    }
  });
});
