import type { RateLimiter } from "../resilience/store.js";
import { SlidingWindowLimiter, type ReleaseSlot } from "../resilience/throttle.js";
import { acquireScript, pauseScript, releaseScript } from "./scripts.js";
import type { StoreConnection } from "./store.js";

const ignore = () => {};

/**
 * One group's limiter over Redis (the scripts in scripts.ts), with an in-process `SlidingWindowLimiter` to fall
 * back on while Redis does not answer. This process's waiters queue here, first come first served, and only the
 * first of them asks Redis: it sleeps until the slot Redis named frees, or (a slot still in flight) a tenth of a
 * window, and asks again.
 */
export class RedisLimiter implements RateLimiter {
  readonly #acquire: (keys: string[], args: (string | number)[]) => Promise<unknown>;
  readonly #release: (keys: string[], args: (string | number)[]) => Promise<unknown>;
  readonly #pause: (keys: string[], args: (string | number)[]) => Promise<unknown>;
  #local: SlidingWindowLimiter | undefined;
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
    /** [slots, pause] */
    readonly keys: Promise<[string, string]>,
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
    if (this.connection.available()) this.keys.then(([, pause]) => this.#pause([pause], [ms])).catch(ignore);
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
        if (!this.connection.available()) return await this.#fallback.acquire(signal);
        await sleep(Math.min(this.#waitMs, this.windowMs / 10), signal);
      }
    } finally {
      this.#waiters--;
      done();
    }
  }

  /** One question to Redis (or, while it is out, to the fallback): a slot now, or `undefined`. */
  async #ask(): Promise<ReleaseSlot | undefined> {
    if (!this.connection.available()) return this.#fallback.tryAcquire();
    const id = crypto.randomUUID();
    let slots: string, pause: string;
    try {
      [slots, pause] = await this.keys;
      this.#waitMs = Number(
        await this.#acquire([slots, pause], [this.limit, this.windowMs, this.leaseMs, id]),
      );
    } catch {
      return this.#fallback.tryAcquire();
    }
    if (this.#waitMs) return undefined;
    // Sent even if Redis has gone meanwhile: a late answer only makes the slot count a little longer.
    return () => void this.#release([slots], [this.windowMs, id]).catch(ignore);
  }
}

function untilDone(turn: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return turn;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    turn.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
