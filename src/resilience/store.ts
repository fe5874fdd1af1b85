import type { ReleaseSlot } from "./throttle.js";

/** One documented rate-limit group, as the client asks a store for its limiter. */
export interface RateLimitGroup {
  /** The group's name ("agent-creation", "standard", …). */
  group: string;
  /** Never more than `limit` requests in any `windowMs`. */
  limit: number;
  windowMs: number;
}

/**
 * A rate limiter with `SlidingWindowLimiter`'s guarantee (request k + limit leaves only after request k was
 * answered and a full window has passed), whose admissions may be decided asynchronously.
 */
export interface RateLimiter {
  readonly group: string;
  readonly limit: number;
  readonly windowMs: number;
  /** A slot now, or `undefined` when the window is full. */
  tryAcquire(): ReleaseSlot | undefined | Promise<ReleaseSlot | undefined>;
  /** Waits for a slot; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot>;
  /** Admits nothing in the group for `ms` (a 429's Retry-After). */
  pause(ms: number): void;
  /** Time until the next slot frees, as last known: 0 now, `Infinity` until an in-flight request is answered. */
  waitMs(): number;
}

/**
 * Where a client's rate-limit windows live (option `rateLimitStore`). Default: in the client, one
 * `SlidingWindowLimiter` per group. `redisRateLimitStore` from `codegen-api/redis` shares them between every
 * process and machine that uses the same token.
 *
 * `token` names the account whose budget the group is. It is the client's own token, handed to in-process code
 * the user chose (as the `fetch` option is handed the Authorization header): a store must never write it out,
 * only a hash of it (the Redis store keys by SHA-256).
 */
export interface RateLimitStore {
  limiter(group: RateLimitGroup, token: string): RateLimiter;
}
