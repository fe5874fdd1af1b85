import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisRateLimitStore } from "../../src/redis/index.js";
import { maxInAnyWindow, startLimitedApi } from "./limited-api.js";
import { redisServerPath, startRedisServer, type RedisServer } from "./redis-server.js";
import { spawnBurst } from "./spawn-burst.js";

if (!redisServerPath) {
  if (process.env.CI)
    throw new Error("redis-server is missing (Debian package `redis-server`): CI must install it");
  console.warn("test/redis skipped: redis-server is not installed (Debian package `redis-server`)");
}

describe.skipIf(!redisServerPath)("one rate-limit budget shared through Redis", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  it("several processes with one token never exceed the limit in any window, and earn no 429", async () => {
    const api = await startLimitedApi({ limit: 5, windowMs: 300, token: "shared-token" });
    const results = await spawnBurst({
      processes: 3,
      callsEach: 6,
      apiUrl: api.url,
      redisUrl: redis.url,
      token: "shared-token",
      limit: 5,
      windowMs: 300,
    });
    await api.close();
    expect(results.flatMap((result) => result.outcomes)).toEqual(Array(18).fill(200));
    expect(api.rejected).toBe(0);
    expect(maxInAnyWindow(api.arrivals, 300)).toBeLessThanOrEqual(5);
  }, 60_000);

  it("keys name a hash of the token, never the token, and expire on their own", async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const limiter = redisRateLimitStore(client).limiter(
        { group: "agent-creation", limit: 2, windowMs: 10_000 },
        "secret-token-value",
      );
      const release = await limiter.acquire();
      release();
      const keys = await client.keys("codegen-api:*");
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).not.toContain("secret-token-value");
        expect(await client.pTTL(key)).toBeGreaterThan(0);
      }
    } finally {
      await client.quit();
    }
  });
});
