import { sleep } from "../resilience/sleep.js";

/** Time as the polling helpers see it; injectable so tests and benchmarks can simulate hours in milliseconds. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep };
