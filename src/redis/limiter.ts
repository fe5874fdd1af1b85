import { onAbort } from "../resilience/abort.js";
import { sleep } from "../resilience/sleep.js";
import type { RateLimiter } from "../resilience/store.js";
import { SlidingWindowLimiter, type ReleaseSlot } from "../resilience/throttle.js";
import { acquireScript, pauseScript, releaseScript } from "./scripts.js";
import type { StoreConnection } from "./store.js";

const ignore = () => {};

/**
 * One group's limiter over Redis (the scripts in scripts.ts), with an in-process `SlidingWindowLimiter` to fall
 * back on while Redis does not answer. This process's waiters queue here, first come first served, and only the
 * first of them asks Redis: it sleeps for the wait Redis named (exact: the time the next slot frees, as far as
 * anyone can know) and asks again.
 *
 * The fallback takes this process's share of the budget (the limit divided among the limiters Redis last saw
 * asking), and every slot Redis grants also counts in it when it has room: an outage hands no process a fresh
 * budget on top of what it has just used. For one window after Redis is back, a slot needs room in both.
 */
export class RedisLimiter implements RateLimiter {
  readonly #acquire: (keys: string[], args: (string | number)[]) => Promise<unknown>;
  readonly #release: (keys: string[], args: (string | number)[]) => Promise<unknown>;
  readonly #pause: (keys: string[], args: (string | number)[]) => Promise<unknown>;
  /** Names this limiter among those sharing the budget. */
  readonly #id = crypto.randomUUID();
  #local: SlidingWindowLimiter | undefined;
  /**
   * Until then a slot also needs room in the fallback: Redis may be back empty (restarted), so for one window the
   * fallback alone knows what this process sent meanwhile. `Infinity` while Redis is out.
   */
  #recoveringUntil = 0;
  /** The wait Redis last named (for `throttle: "fail"`'s error). */
  #waitMs = 0;
  #waiters = 0;
  #turn: Promise<void> = Promise.resolve();

  constructor(
    readonly connection: StoreConnection,
    readonly group: string,
    readonly limit: number,
    readonly windowMs: number,
    readonly leaseMs: number,
    /** [leased, answered, pause, clients] */
    readonly keys: Promise<string[]>,
  ) {
    this.#acquire = connection.script(acquireScript);
    this.#release = connection.script(releaseScript);
    this.#pause = connection.script(pauseScript);
  }

  get #fallback(): SlidingWindowLimiter {
    return (this.#local ??= new SlidingWindowLimiter(this.limit, this.windowMs, this.group));
  }

  tryAcquire(): Promise<ReleaseSlot | undefined> {
    return this.#waiters ? Promise.resolve(undefined) : this.#ask();
  }

  waitMs(): number {
    return this.connection.available() ? this.#waitMs : this.#fallback.waitMs();
  }

  pause(ms: number): void {
    this.#fallback.pause(ms);
    if (this.connection.available()) this.keys.then((keys) => this.#pause([keys[2]!], [ms])).catch(ignore);
  }

  async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    signal?.throwIfAborted();
    const previous = this.#turn;
    let done = ignore;
    this.#turn = new Promise((resolve) => (done = resolve));
    this.#waiters++;
    try {
      await untilDone(previous, signal);
      for (;;) {
        const release = await this.#ask();
        if (release) return release;
        if (!this.connection.available()) {
          this.#recoveringUntil = Infinity;
          return await this.#fallback.acquire(signal);
        }
        await sleep(this.#waitMs, signal);
      }
    } finally {
      this.#waiters--;
      done();
    }
  }

  /** One question to Redis (or, while it is out, to the fallback): a slot now, or `undefined`. */
  async #ask(): Promise<ReleaseSlot | undefined> {
    if (!this.connection.available()) return this.#inProcess();
    if (this.#recoveringUntil === Infinity) this.#recoveringUntil = performance.now() + this.windowMs;
    const recovering = performance.now() < this.#recoveringUntil;
    // Asked before Redis, whose slot, once granted, would count for a lease even if left unused.
    const localWait = recovering ? this.#fallback.waitMs() : 0;
    if (localWait) {
      this.#waitMs = Math.min(localWait, this.windowMs);
      return undefined;
    }
    const request = crypto.randomUUID();
    let keys: string[], wait: number, sharing: number;
    try {
      keys = await this.keys;
      const reply = await this.#acquire(keys, [this.limit, this.windowMs, this.leaseMs, request, this.#id]);
      [wait, sharing] = (reply as unknown[]).map(Number) as [number, number];
    } catch {
      return this.#inProcess();
    }
    this.#waitMs = wait;
    const share = Math.max(1, Math.floor(this.limit / sharing));
    // Waiters still queued in a replaced fallback are served by it: it keeps its timer and its slots.
    if (this.#local?.limit !== share && !recovering)
      this.#local = new SlidingWindowLimiter(share, this.windowMs, this.group);
    if (wait) return undefined;
    const local = this.#fallback.tryAcquire();
    return () => {
      local?.();
      // Sent even if Redis has gone meanwhile: a late answer only makes the slot count a little longer.
      void this.#release(keys.slice(0, 2), [this.windowMs, request]).catch(ignore);
    };
  }

  #inProcess(): ReleaseSlot | undefined {
    this.#recoveringUntil = Infinity;
    return this.#fallback.tryAcquire();
  }
}

function untilDone(turn: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return turn;
  return new Promise((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(signal.reason));
    turn.then(() => {
      unsubscribe();
      resolve();
    });
  });
}
