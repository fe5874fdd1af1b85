import { ConfigurationError } from "../errors.js";
import type { Clock } from "./clock.js";

/**
 * The shortest pause between two polls. Get Agent Run shares the "standard" budget (60 requests / 30 s) with
 * most other calls; at most one poll a second keeps a waiter to half of it whatever the options say.
 */
export const MIN_POLL_INTERVAL_MS = 1_000;

export interface PollIntervals {
  /** First pause between polls, in ms; doubles after each poll up to `maxPollInterval`. Default 1000 (the minimum). */
  pollInterval?: number;
  /** Longest pause between polls, in ms. Default 15000. */
  maxPollInterval?: number;
}

export function pollIntervals(helper: string, options: PollIntervals): { first: number; max: number } {
  const first = options.pollInterval ?? MIN_POLL_INTERVAL_MS;
  const max = options.maxPollInterval ?? Math.max(15_000, first);
  if (!(first >= MIN_POLL_INTERVAL_MS)) {
    throw new ConfigurationError(
      `${helper}: pollInterval must be at least ${MIN_POLL_INTERVAL_MS} ms (the API's rate limit), got ${first}`,
    );
  }
  if (!(max >= first)) {
    throw new ConfigurationError(
      `${helper}: maxPollInterval (${max}) must not be below pollInterval (${first})`,
    );
  }
  return { first, max };
}

/**
 * One polling loop's lifetime: everything it awaits is aborted by the caller's signal or by the deadline,
 * whichever comes first. The deadline is checked on the (injectable) clock between polls and enforced with
 * a real timer while a request is in flight, so a hung request cannot outlive it.
 */
export class PollSession {
  readonly #clock: Clock;
  readonly #deadline: number;
  readonly #controller = new AbortController();
  readonly #userSignal: AbortSignal | undefined;
  /** The abort reason that marks the session's own deadline, as opposed to the caller's signal. */
  readonly #deadlineReached = new DOMException("The polling deadline was reached", "TimeoutError");
  readonly #forwardAbort = () => this.#controller.abort(this.#userSignal?.reason);

  constructor(clock: Clock, userSignal: AbortSignal | undefined, timeoutMs: number) {
    this.#clock = clock;
    this.#deadline = clock.now() + timeoutMs;
    this.#userSignal = userSignal;
    userSignal?.throwIfAborted();
    userSignal?.addEventListener("abort", this.#forwardAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#controller.signal.reason === this.#deadlineReached || this.remaining() <= 0;
  }

  remaining(): number {
    return this.#deadline - this.#clock.now();
  }

  /** Runs one request under the session's signal; the caller's own abort reason is rethrown as it is. */
  async request<T>(send: (signal: AbortSignal) => PromiseLike<T>): Promise<T> {
    const remaining = this.remaining();
    // setTimeout cannot hold more than 2^31-1 ms; a longer deadline is checked between polls only.
    const timer =
      remaining < 2 ** 31 - 1
        ? setTimeout(() => this.#controller.abort(this.#deadlineReached), remaining)
        : undefined;
    try {
      return await send(this.#controller.signal);
    } catch (error) {
      if (this.#userSignal?.aborted) throw this.#userSignal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sleeps `ms`, cut short at the deadline. */
  async sleep(ms: number): Promise<void> {
    try {
      await this.#clock.sleep(Math.max(0, Math.min(ms, this.remaining())), this.#controller.signal);
    } catch (error) {
      if (this.#userSignal?.aborted) throw this.#userSignal.reason;
      throw error;
    }
  }

  dispose(): void {
    this.#userSignal?.removeEventListener("abort", this.#forwardAbort);
  }
}
