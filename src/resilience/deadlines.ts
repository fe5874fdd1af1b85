/**
 * Per-attempt timeouts without an AbortController and a timer per request: creating an AbortSignal costs
 * several µs in Node 20, more than the rest of the layer. Attempts with the same timeout that start within
 * `slackMs` of each other share a cohort: one controller, one timer set `slackMs` after the cohort opened, so
 * every attempt gets between `timeoutMs` and `timeoutMs + slackMs`. The timer is cleared when the cohort's last
 * attempt ends: an idle client holds no timer and keeps no process alive. A cohort admits at most
 * `MAX_COHORT` attempts because each Request made with its signal adds an abort listener to it.
 */
export interface Deadline {
  /** The attempt's signal (undefined: no timeout and nothing to follow). */
  readonly signal: AbortSignal | undefined;
  /** The timeout, not the caller, aborted the attempt. */
  timedOut(): boolean;
  /**
   * The attempt is over (answer parsed, or failed): frees the cohort, clearing its timer if it was the last.
   * `keepFollowing` leaves the caller's signal linked (to cancel a body the caller streams).
   */
  end(keepFollowing?: boolean): void;
}

const MAX_COHORT = 64;
/** The reason a cohort's timer aborts with: tells a timeout from the caller's own abort. */
const expired = new DOMException("The attempt timed out", "TimeoutError");

interface Cohort {
  controller: AbortController;
  timer: ReturnType<typeof setTimeout> | undefined;
  closesAt: number;
  joined: number;
  active: number;
}

/** `own`: the attempt must not share a cohort (its signal outlives the attempt, e.g. a streamed body). */
export function createDeadlines(): (timeoutMs: number, follow?: AbortSignal, own?: boolean) => Deadline {
  const open = new Map<number, Cohort>();

  function cohort(timeoutMs: number, slackMs: number): Cohort {
    const controller = new AbortController();
    const cohort: Cohort = {
      controller,
      timer: undefined,
      closesAt: performance.now() + slackMs,
      joined: 0,
      active: 0,
    };
    if (timeoutMs !== Infinity) {
      cohort.timer = setTimeout(() => controller.abort(expired), timeoutMs + slackMs);
    }
    return cohort;
  }

  return (timeoutMs, follow, own) => {
    // A caller's signal needs a controller of its own to forward its abort to.
    if (follow || own) {
      const single = cohort(timeoutMs, 0);
      const forward = () => single.controller.abort(follow!.reason);
      follow?.addEventListener("abort", forward, { once: true });
      return deadline(single, (keepFollowing) => {
        if (!keepFollowing) follow?.removeEventListener("abort", forward);
      });
    }
    if (timeoutMs === Infinity) return { signal: undefined, timedOut: () => false, end() {} };
    let shared = open.get(timeoutMs);
    if (!shared || shared.joined === MAX_COHORT || performance.now() > shared.closesAt) {
      shared = cohort(timeoutMs, Math.min(100, Math.ceil(timeoutMs / 10)));
      open.set(timeoutMs, shared);
    }
    shared.joined++;
    return deadline(shared, () => {
      if (open.get(timeoutMs) === shared && shared.active === 0) open.delete(timeoutMs);
    });
  };
}

function deadline(cohort: Cohort, onEnd: (keepFollowing?: boolean) => void): Deadline {
  const { signal } = cohort.controller;
  let ended = false;
  cohort.active++;
  return {
    signal,
    timedOut: () => signal.reason === expired,
    end(keepFollowing) {
      if (ended) return;
      ended = true;
      if (--cohort.active === 0) clearTimeout(cohort.timer);
      onEnd(keepFollowing);
    },
  };
}
