/**
 * The Lua scripts behind the Redis store, each one atomic and one round trip. Per account and group, two keys
 * (one hash tag, so they live on one Redis Cluster node):
 *   …:slots   sorted set of the requests that still count against the window: member = request id, score = the
 *             time (ms, Redis clock) from which it stops counting: answered at + window, or, while in flight,
 *             admitted at + lease + window (so a process that dies holding a slot frees it on its own)
 *   …:pause   present while the server's Retry-After holds the group; expires with it
 * Both keys expire when their last entry stops counting: an abandoned account leaves nothing behind.
 *
 * Admission rule: fewer than `limit` requests still counting. A request answered at `a` stops counting at
 * `a + window`; the server received it before `a` and receives a request admitted later after it is sent, so no
 * `limit + 1` requests reach the server within one window, whatever the latency (as SlidingWindowLimiter).
 * Times are the Redis server's, in fractional ms, so every process and machine reads the same clock.
 */

const now = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000`;

/** KEYS: slots, pause. ARGV: limit, windowMs, leaseMs, id. → 0 (admitted) or the ms to wait before asking again. */
export const acquireScript = `${now}
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return paused end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local limit, window, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + lease + window, ARGV[4])
  local ttl = math.ceil(lease + window)
  if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
  return 0
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, math.ceil(tonumber(first[2]) - now))`;

/** KEYS: slots. ARGV: windowMs, id. The request was answered: it counts one more window from now. */
export const releaseScript = `${now}
local window = tonumber(ARGV[1])
redis.call('ZADD', KEYS[1], now + window, ARGV[2])
if redis.call('PTTL', KEYS[1]) < window then redis.call('PEXPIRE', KEYS[1], math.ceil(window)) end
return 1`;

/** KEYS: pause. ARGV: ms. Holds the group for `ms` unless it is already held longer. */
export const pauseScript = `local ms = math.ceil(tonumber(ARGV[1]))
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1`;
