import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";

const root = join(import.meta.dirname, "../..");

export interface BurstOptions {
  processes: number;
  callsEach: number;
  apiUrl: string;
  /** Empty: each process limits itself alone. */
  redisUrl: string;
  token: string;
  limit: number;
  windowMs: number;
  /** The Redis client each process connects with, in turn (default: node-redis for all). */
  redisClients?: ("redis" | "ioredis")[];
  maxRetries?: number;
  throttle?: "wait" | "fail";
  /** The store's `leaseMs` (default: its own, the window). */
  leaseMs?: number;
  /** Called once every process has started its calls. */
  onStarted?: (children: ChildProcess[]) => void | Promise<void>;
}

export interface ProcessOutcome {
  /** HTTP statuses, or "Name: message" of what a call threw. */
  outcomes: (number | string)[];
  warnings: string[];
  /** From "go" to the last call's outcome, on the process's own clock. */
  elapsedMs: number;
}

/**
 * Runs test/redis/burst-child.ts in `processes` node processes at once; resolves with what each reported, or
 * `"killed"` for a process killed by a signal (by `onStarted`).
 */
export async function spawnBurst(options: BurstOptions): Promise<(ProcessOutcome | "killed")[]> {
  const clients = options.redisClients ?? ["redis"];
  const children = Array.from({ length: options.processes }, (_, index) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/redis/burst-child.ts")], {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
      env: {
        ...process.env,
        API_URL: options.apiUrl,
        REDIS_URL: options.redisUrl,
        REDIS_CLIENT: clients[index % clients.length],
        TOKEN: options.token,
        CALLS: String(options.callsEach),
        LIMIT: String(options.limit),
        WINDOW_MS: String(options.windowMs),
        MAX_RETRIES: String(options.maxRetries ?? 0),
        THROTTLE: options.throttle ?? "wait",
        LEASE_MS: options.leaseMs === undefined ? "" : String(options.leaseMs),
      },
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    // Listened for from the start: a child may exit before the parent has read its last line.
    const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    exited.catch(() => {});
    return { child, lines, exited };
  });
  try {
    for (const { lines } of children) {
      const { value } = await lines.next();
      if (value !== "ready") throw new Error(`burst child did not start: ${value}`);
    }
    for (const { child } of children) child.stdin!.write("go\n");
    await options.onStarted?.(children.map(({ child }) => child));
    return await Promise.all(
      children.map(async ({ lines, exited }) => {
        const { value } = await lines.next();
        const [code, signal] = await exited;
        if (signal) return "killed" as const;
        if (code !== 0 || !value) throw new Error(`burst child exited with ${code}`);
        return JSON.parse(value) as ProcessOutcome;
      }),
    );
  } finally {
    for (const { child } of children) if (child.exitCode === null && !child.signalCode) child.kill();
  }
}

/** The reports of the processes that were not killed. */
export function reported(results: (ProcessOutcome | "killed")[]): ProcessOutcome[] {
  return results.filter((result): result is ProcessOutcome => result !== "killed");
}
