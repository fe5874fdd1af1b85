import { ConfigurationError, RateLimitError } from "../errors.js";
import { onAbort } from "../resilience/abort.js";
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

/**
 * One polling loop's lifetime, shared by `waitForAgentRun` and `followAgentRunLogs`: the checked intervals and
 * their backoff, and everything the loop awaits aborted by the caller's signal or by the deadline, whichever
 * comes first. The deadline is checked on the (injectable) clock between polls and enforced with a real timer
 * while a request is in flight, so a hung request cannot outlive it. `expired` builds the error for a loop that
 * ran out of time (with the failed poll as its cause, when one did).
 */
export function pollSession(
  helper: string,
  clock: Clock,
  options: PollIntervals & { signal?: AbortSignal | undefined },
  timeoutMs = Infinity,
  expired: (cause?: unknown) => Error,
) {
  const first = options.pollInterval ?? MIN_POLL_INTERVAL_MS;
  const max = options.maxPollInterval ?? Math.max(15_000, first);
  const problem =
    first >= MIN_POLL_INTERVAL_MS
      ? max >= first
        ? timeoutMs > 0
          ? ""
          : `timeout must be a positive number of ms, got ${timeoutMs}`
        : `maxPollInterval (${max}) must not be below pollInterval (${first})`
      : `pollInterval must be at least ${MIN_POLL_INTERVAL_MS} ms (the API's rate limit), got ${first}`;
  if (problem) throw new ConfigurationError(`${helper}: ${problem}`);

  const userSignal = options.signal;
  userSignal?.throwIfAborted();
  const deadline = clock.now() + timeoutMs;
  const controller = new AbortController();
  const { signal } = controller;
  /** The abort reason that marks the session's own deadline, as opposed to the caller's signal. */
  const deadlineReached = new DOMException("The polling deadline was reached", "TimeoutError");
  const unfollow = userSignal && onAbort(userSignal, () => controller.abort(userSignal.reason));

  const remaining = () => deadline - clock.now();
  const timedOut = () => signal.reason === deadlineReached || remaining() <= 0;
  /** The caller's own abort reason is rethrown as it is. */
  const ownReason = (error: unknown) => (userSignal?.aborted ? userSignal.reason : error);
  /** Sleeps `ms`, cut short at the deadline. */
  const sleep = (ms: number) =>
    clock.sleep(Math.max(0, Math.min(ms, remaining())), signal).catch((error: unknown) => {
      throw ownReason(error);
    });
  let delay = first;

  return {
    /**
     * One poll under the session's signal. A 429 (other calls share the budget) is waited out as the server
     * asks, and the poll sent again; any other failure is thrown.
     */
    async poll<T>(send: (signal: AbortSignal) => PromiseLike<T>): Promise<T> {
      for (;;) {
        if (timedOut()) throw expired();
        // setTimeout cannot hold more than 2^31-1 ms; a longer deadline is checked between polls only.
        const timer =
          remaining() < 2 ** 31 ? setTimeout(() => controller.abort(deadlineReached), remaining()) : 0;
        let failure: unknown;
        try {
          return await send(signal);
        } catch (error) {
          failure = ownReason(error);
        } finally {
          clearTimeout(timer);
        }
        if (timedOut()) throw expired(failure);
        if (!(failure instanceof RateLimitError)) throw failure;
        await sleep(Math.max(failure.retryAfterMs ?? 0, delay));
      }
    },
    /** Sleeps the current interval, then doubles it (up to the maximum); `reset` starts from the first again. */
    async pause(reset?: boolean): Promise<void> {
      if (reset) delay = first;
      await sleep(delay);
      delay = Math.min(delay * 2, max);
    },
    dispose(): void {
      unfollow?.();
    },
  };
}
