/**
 * `codegen-api/redis`: one rate-limit budget shared by every process and machine that uses the same token. Pass
 * a connected client: `createCodegenClient({ rateLimitStore: redisRateLimitStore(redis) })`.
 *
 * No Redis library is imported here: the store drives the client it is given (node-redis ≥ 4, ioredis, iovalkey).
 */
import type { RateLimitGroup, RateLimitStore } from "../resilience/store.js";
import { digestHex, type RedisLike } from "./connection.js";
import { RedisLimiter } from "./limiter.js";
import { StoreConnection, type RedisStoreOptions } from "./store.js";

export type { RedisLike } from "./connection.js";
export type { RedisStoreOptions } from "./store.js";

export function redisRateLimitStore(client: RedisLike, options: RedisStoreOptions = {}): RateLimitStore {
  const connection = new StoreConnection(client, options);
  const prefix = options.prefix ?? "codegen-api:";
  return {
    limiter({ group, limit, windowMs }: RateLimitGroup, token: string) {
      // Keyed by the token's SHA-256, never the token. One hash tag, so a Cluster keeps both keys on one node.
      const keys = digestHex("SHA-256", token).then((account) => {
        const base = `${prefix}{${account}:${group}}`;
        return ["leased", "answered", "pause", "clients"].map((name) => `${base}:${name}`);
      });
      return new RedisLimiter(connection, group, limit, windowMs, options.leaseMs ?? windowMs, keys);
    },
  };
}
