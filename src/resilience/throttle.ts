/** Call once the server has answered (or the attempt failed): from then on the slot's window runs. */
export type ReleaseSlot = () => void;

interface Waiter {
  resolve: (release: ReleaseSlot) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

const inFlight = Number.POSITIVE_INFINITY;

/**
 * "Never more than `limit` requests in any `windowMs`", as the server counts them.
 *
 * A ring buffer remembers, for each of the last `limit` admissions, when its answer came back (`inFlight` until
 * then). Admission k+limit waits until admission k has been answered and `windowMs` has passed since: the server
 * received request k before its answer and receives request k+limit after it is sent, so any `limit + 1`
 * requests reach it at least `windowMs` apart, whatever the network latency. Waiters are served first come,
 * first served; a timer exists only while someone waits.
 */
export class SlidingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #answeredAt: Float64Array;
  /** Ring index of the admission `limit` admissions ago: the slot the next admission reuses. */
  #next = 0;
  readonly #waiters: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.#answeredAt = new Float64Array(limit).fill(Number.NEGATIVE_INFINITY);
  }

  /** A slot now, or `undefined` when the window is full (or others are already queued). */
  tryAcquire(): ReleaseSlot | undefined {
    return this.#waiters.length === 0 && this.waitMs() === 0 ? this.#take() : undefined;
  }

  /** Time until the next slot frees: 0 now, `Infinity` until an in-flight request is answered. */
  waitMs(now = performance.now()): number {
    const answeredAt = this.#answeredAt[this.#next]!;
    return answeredAt === inFlight ? inFlight : Math.max(0, answeredAt + this.windowMs - now);
  }

  /** Waits (first come, first served) for a slot; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    const immediate = this.tryAcquire();
    if (immediate) return Promise.resolve(immediate);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          if (this.#waiters.length === 0) this.#clearTimer();
          reject(signal!.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#drain();
    });
  }

  #take(): ReleaseSlot {
    const index = this.#next;
    this.#answeredAt[index] = inFlight;
    this.#next = (index + 1) % this.limit;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#answeredAt[index] = performance.now();
      if (this.#waiters.length > 0) this.#drain();
    };
  }

  /** Admits queued waiters while slots are free, then sleeps until the next one frees (if that time is known). */
  #drain(): void {
    this.#clearTimer();
    while (this.#waiters.length > 0) {
      const waitMs = this.waitMs();
      if (waitMs > 0) {
        // An in-flight slot frees on release(), which drains again; no timer needed for it.
        if (waitMs !== inFlight) this.#timer = setTimeout(() => this.#drain(), Math.ceil(waitMs));
        return;
      }
      const waiter = this.#waiters.shift()!;
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve(this.#take());
    }
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
