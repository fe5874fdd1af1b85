import { scriptRunner, senderOf, type RedisLike, type Send } from "./connection.js";

export interface RedisStoreOptions {
  /** Prepended to every key (default "codegen-api:"). */
  prefix?: string;
  /** Longest wait for one Redis answer before the client falls back to its in-process limiter (default 500 ms). */
  timeoutMs?: number;
  /**
   * How long an unanswered request holds its slot before it counts as answered (default: the group's window):
   * a process that dies holding slots frees them at most this long later than a live one would.
   */
  leaseMs?: number;
  /** Told once, when Redis first fails to answer in time (default `console.warn`). */
  warn?: (message: string) => void;
}

/** While Redis is out, how often one PING checks whether it is back. */
const PROBE_INTERVAL_MS = 250;

/**
 * The connection as the limiters see it: scripts that fail fast (time limit), and whether Redis is currently
 * trusted. After a failure the limiters use their in-process fallback; a background PING, at most once per
 * interval, brings them back when Redis answers again. No call ever waits on a Redis that does not answer.
 */
export class StoreConnection {
  readonly #send: Send;
  readonly timeoutMs: number;
  readonly #warn: (message: string) => void;
  #warned = false;
  #down = false;
  #probeAt = 0;
  #probing = false;

  constructor(client: RedisLike, options: RedisStoreOptions) {
    this.#send = senderOf(client);
    this.timeoutMs = options.timeoutMs ?? 500;
    this.#warn = options.warn ?? ((message) => console.warn(message));
  }

  script(source: string): (keys: string[], args: (string | number)[]) => Promise<unknown> {
    const run = scriptRunner(this.#send, source);
    return (keys, args) =>
      this.#limited(run(keys, args)).then(
        (reply) => {
          this.#down = false;
          return reply;
        },
        (error: unknown) => {
          this.#fail(error);
          throw error;
        },
      );
  }

  /** Whether to ask Redis now; while it is out, starts (at most once per interval) a PING to see if it is back. */
  available(): boolean {
    if (!this.#down) return true;
    const now = Date.now();
    if (!this.#probing && now >= this.#probeAt) {
      this.#probing = true;
      this.#probeAt = now + PROBE_INTERVAL_MS;
      this.#limited(this.#send(["PING"])).then(
        () => {
          this.#down = false;
          this.#probing = false;
        },
        () => {
          this.#probing = false;
        },
      );
    }
    return false;
  }

  #fail(error: unknown): void {
    if (!this.#down) this.#probeAt = Date.now() + PROBE_INTERVAL_MS;
    this.#down = true;
    if (this.#warned) return;
    this.#warned = true;
    this.#warn(
      `codegen-api: the Redis rate-limit store did not answer (${(error as Error)?.message ?? error}); ` +
        "each client limits its own calls until it is back",
    );
  }

  #limited<T>(pending: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([pending, expired]).finally(() => clearTimeout(timer));
  }
}
