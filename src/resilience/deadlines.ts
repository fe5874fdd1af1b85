import { onAbort } from "./abort.js";

/**
 * Per-attempt timeouts without an AbortController and a timer per request: creating an AbortController costs
 * about 4 µs in Node 20, more than the rest of the layer. Attempts with the same timeout that start within
 * `slackMs` of each other share a cohort: one controller, one timer set `slackMs` after the cohort opened, so
 * every attempt gets between `timeoutMs` and `timeoutMs + slackMs`. The timer is cleared when the cohort's last
 * attempt ends: an idle client holds no timer and keeps no process alive. A caller's own signal (or a streamed
 * body, whose signal outlives the attempt) gets a cohort of its own that forwards the caller's abort.
 *
 * A cohort only times attempts out, whichever client made them, so the open cohorts are shared by every client:
 * a client carries no timeout state of its own.
 */
export interface Cohort {
  readonly signal: AbortSignal;
  /**
   * `pending`, or the abort reason as soon as the signal aborts: a custom `fetch` that ignores its init's
   * signal still cannot outlive the timeout. Nothing of a settled attempt stays referenced by the cohort.
   */
  race<T>(pending: Promise<T>): Promise<T>;
  readonly timeoutMs: number;
  timer?: ReturnType<typeof setTimeout>;
  readonly closesAt: number;
  joined: number;
  active: number;
  /** Stops forwarding the caller's abort. */
  unfollow?: () => void;
}

/** The reason a cohort's timer aborts with: tells a timeout from the caller's own abort. */
export const expired = new DOMException("The attempt timed out", "TimeoutError");
const MAX_COHORT = 64;
// setTimeout fires at once for delays past 2^31-1 ms: longer timeouts get no timer at all.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Timeout → the cohort attempts with that timeout join, while it has attempts running. */
const open = new Map<number, Cohort>();

function start(timeoutMs: number, slackMs: number, follow?: AbortSignal): Cohort {
  const controller = new AbortController();
  const { signal } = controller;
  const racing = new Set<(reason: unknown) => void>();
  signal.addEventListener("abort", () => racing.forEach((reject) => reject(signal.reason)));
  const cohort: Cohort = {
    signal,
    race: (pending) =>
      new Promise((resolve, reject) => {
        racing.add(reject);
        pending.then(
          (value) => (racing.delete(reject), resolve(value)),
          (error: unknown) => (racing.delete(reject), reject(error)),
        );
      }),
    timeoutMs,
    closesAt: performance.now() + slackMs,
    joined: 0,
    active: 0,
  };
  if (timeoutMs + slackMs <= MAX_TIMER_MS)
    cohort.timer = setTimeout(() => controller.abort(expired), timeoutMs + slackMs);
  if (follow) cohort.unfollow = onAbort(follow, () => controller.abort(follow.reason));
  return cohort;
}

/** The cohort an attempt runs in; undefined when there is nothing to time out or follow. */
export function begin(timeoutMs: number, follow?: AbortSignal, own?: boolean): Cohort | undefined {
  let cohort: Cohort | undefined;
  if (follow || own) cohort = start(timeoutMs, 0, follow);
  else if (timeoutMs > MAX_TIMER_MS) return undefined;
  else {
    cohort = open.get(timeoutMs);
    if (!cohort || cohort.joined === MAX_COHORT || performance.now() > cohort.closesAt)
      open.set(timeoutMs, (cohort = start(timeoutMs, Math.min(100, Math.ceil(timeoutMs / 10)))));
  }
  cohort.joined++;
  cohort.active++;
  return cohort;
}

/** The attempt is over. `keepFollowing` leaves the caller's signal linked (a body the caller streams). */
export function end(cohort: Cohort, keepFollowing?: boolean): void {
  if (--cohort.active) return;
  clearTimeout(cohort.timer);
  if (!keepFollowing) cohort.unfollow?.();
  // A later attempt with this timeout starts a fresh cohort (this one's timer is gone): nothing stays open.
  if (open.get(cohort.timeoutMs) === cohort) open.delete(cohort.timeoutMs);
}
