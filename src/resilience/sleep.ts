import { onAbort } from "./abort.js";

/** Sleeps `ms`, rejecting with the signal's reason as soon as it aborts (the retries' backoff, the helpers' system clock, the Redis store's retries). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
    const unsubscribe =
      signal &&
      onAbort(signal, () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
  });
}
