/**
 * The Lua scripts behind the Redis store, each one atomic and one round trip. Per account and group, four keys
 * (one hash tag, so they live on one Redis Cluster node):
 *   …:leased    sorted set of the requests in flight (admitted, not yet answered): member = request id, score =
 *               admitted at + lease + window, when it stops counting if it is never answered (its process died)
 *   …:answered  sorted set of the answered requests still counting: score = answered at + window
 *   …:pause     present while the server's Retry-After holds the group; expires with it
 *   …:clients   sorted set of the limiters (one per process and group) that asked within lease + window: how many
 *               share the budget, so that each takes its share of it while Redis is out
 * Every key expires when its last entry stops counting: an abandoned account leaves nothing behind.
 *
 * Admission rule: fewer than `limit` requests in flight or answered within the last window. Any `limit + 1`
 * requests the server received within one window include one admitted last, at t; each of the others was then in
 * flight, or answered at a ≥ its arrival > t − window (the last one is sent after t): `limit` requests counting,
 * so it could not have been admitted. Hence the server never sees more than `limit` in any window, whatever the
 * latency (the argument of SlidingWindowLimiter). Times are the Redis server's, in fractional ms, so every process
 * and machine reads the same clock.
 *
 * Keeping in-flight and answered requests apart makes a refusal's wait exact: the next slot frees when the
 * earliest answered request stops counting, or one window after an in-flight one is answered (now at the
 * soonest), or when a lease runs out, whichever comes first.
 */

const now = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000`;

/**
 * KEYS: leased, answered, pause, clients. ARGV: limit, windowMs, leaseMs, request id, limiter id.
 * → { 0 (admitted) or the ms until a slot may free, the number of limiters sharing the budget }.
 */
export const acquireScript = `${now}
local limit, window, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local horizon = now + lease + window
local ttl = math.ceil(lease + window)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
redis.call('ZADD', KEYS[4], horizon, ARGV[5])
redis.call('PEXPIRE', KEYS[4], ttl)
local clients = redis.call('ZCARD', KEYS[4])
local paused = redis.call('PTTL', KEYS[3])
if paused > 0 then return { paused, clients } end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) < limit then
  redis.call('ZADD', KEYS[1], horizon, ARGV[4])
  if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
  return { 0, clients }
end
local wait = window
for i = 1, 2 do
  local first = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  if first[2] then wait = math.min(wait, tonumber(first[2]) - now) end
end
return { math.max(1, math.ceil(wait)), clients }`;

/**
 * KEYS: leased, answered. ARGV: windowMs, request id. The request was answered: it counts one more window from
 * now (even if its lease had run out meanwhile: counting longer is always safe).
 */
export const releaseScript = `${now}
local window = tonumber(ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], now + window, ARGV[2])
if redis.call('PTTL', KEYS[2]) < window then redis.call('PEXPIRE', KEYS[2], math.ceil(window)) end
return 1`;

/** KEYS: pause. ARGV: ms. Holds the group for `ms` unless it is already held longer. */
export const pauseScript = `local ms = math.ceil(tonumber(ARGV[1]))
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1`;
