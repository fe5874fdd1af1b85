import { onAbort } from "./abort.js";

/** Call once, when the server has answered (or the attempt failed): from then on the slot's window runs. */
export type ReleaseSlot = () => void;

/**
 * "Never more than `limit` requests in any `windowMs`", as the server counts them.
 *
 * A ring buffer remembers, for each of the last `limit` admissions, when its answer came back (Infinity until
 * then). Admission k+limit waits until admission k has been answered and `windowMs` has passed since: the server
 * received request k before its answer and receives request k+limit after it is sent, so any `limit + 1`
 * requests reach it at least `windowMs` apart, whatever the network latency. Waiters are served first come,
 * first served; a timer exists only while someone waits.
 */
export class SlidingWindowLimiter {
  readonly #answeredAt: Float64Array;
  /** Ring index of the admission `limit` admissions ago: the slot the next admission reuses. */
  #next = 0;
  readonly #waiters: ((release: ReleaseSlot) => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** No admission before this time: the server asked the group to wait (a 429's Retry-After). */
  #pausedUntil = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** The rate-limit group, for messages. */
    readonly group = "",
  ) {
    this.#answeredAt = new Float64Array(limit).fill(-Infinity);
  }

  /** A slot now, or `undefined` when the window is full (or others are already queued). */
  tryAcquire(): ReleaseSlot | undefined {
    return this.#waiters.length || this.waitMs() ? undefined : this.#take();
  }

  /** Time until the next slot frees: 0 now, `Infinity` until an in-flight request is answered. */
  waitMs(now = performance.now()): number {
    return Math.max(0, this.#answeredAt[this.#next]! + this.windowMs - now, this.#pausedUntil - now);
  }

  /** Admits nothing for `ms`: the server's Retry-After holds the whole group, not only the request it answered. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, performance.now() + ms);
  }

  /** Waits (first come, first served) for a slot; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const admit = (release: ReleaseSlot) => {
        unsubscribe?.();
        resolve(release);
      };
      const unsubscribe =
        signal &&
        onAbort(signal, () => {
          this.#waiters.splice(this.#waiters.indexOf(admit), 1);
          reject(signal.reason);
          this.#drain();
        });
      this.#waiters.push(admit);
      this.#drain();
    });
  }

  #take(): ReleaseSlot {
    const index = this.#next;
    this.#answeredAt[index] = Infinity;
    this.#next = (index + 1) % this.limit;
    return () => {
      this.#answeredAt[index] = performance.now();
      this.#drain();
    };
  }

  /** Admits queued waiters while slots are free, then sleeps until the next one frees (if that time is known). */
  #drain(): void {
    clearTimeout(this.#timer);
    while (this.#waiters.length) {
      const waitMs = this.waitMs();
      // An in-flight slot frees on its release, which drains again: no timer for it.
      if (waitMs) {
        if (waitMs < Infinity) this.#timer = setTimeout(() => this.#drain(), Math.ceil(waitMs));
        return;
      }
      this.#waiters.shift()!(this.#take());
    }
  }
}
