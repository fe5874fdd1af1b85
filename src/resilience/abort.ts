/**
 * One "abort" listener per signal, however many calls wait on it. A signal shared by many concurrent calls
 * would otherwise carry a listener per call, and Node warns (MaxListenersExceededWarning) past ten. `onAbort`
 * runs `callback` once when `signal` aborts, unless the function it returns was called first; the signal's one
 * listener goes with its last subscriber, so nothing stays attached to a long-lived signal.
 */
interface Fanout {
  callbacks: Set<() => void>;
  fire: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let fanout = fanouts.get(signal);
  if (!fanout) {
    const callbacks = new Set<() => void>();
    // A signal aborts once: its listener and its fanout go before the callbacks run.
    const fire = () => {
      signal.removeEventListener("abort", fire);
      fanouts.delete(signal);
      callbacks.forEach((run) => run());
    };
    fanouts.set(signal, (fanout = { callbacks, fire }));
    signal.addEventListener("abort", fire);
  }
  const { callbacks, fire } = fanout;
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size || fanouts.get(signal) !== fanout) return;
    signal.removeEventListener("abort", fire);
    fanouts.delete(signal);
  };
}
