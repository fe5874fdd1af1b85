import { spawn } from "node:child_process";
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
  redisClient?: "redis" | "ioredis";
  maxRetries?: number;
  /** Called once every process has started its calls. */
  onStarted?: () => void | Promise<void>;
}

export interface ProcessOutcome {
  /** HTTP statuses, or "Name: message" of what a call threw. */
  outcomes: (number | string)[];
  warnings: string[];
  /** From "go" to the last call's outcome, on the process's own clock. */
  elapsedMs: number;
}

/** Runs test/redis/burst-child.ts in `processes` node processes at once; resolves with what each reported. */
export async function spawnBurst(options: BurstOptions): Promise<ProcessOutcome[]> {
  const children = Array.from({ length: options.processes }, () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/redis/burst-child.ts")], {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
      env: {
        ...process.env,
        API_URL: options.apiUrl,
        REDIS_URL: options.redisUrl,
        REDIS_CLIENT: options.redisClient ?? "redis",
        TOKEN: options.token,
        CALLS: String(options.callsEach),
        LIMIT: String(options.limit),
        WINDOW_MS: String(options.windowMs),
        MAX_RETRIES: String(options.maxRetries ?? 0),
      },
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    return { child, lines };
  });
  try {
    for (const { lines } of children) {
      const { value } = await lines.next();
      if (value !== "ready") throw new Error(`burst child did not start: ${value}`);
    }
    for (const { child } of children) child.stdin!.write("go\n");
    await options.onStarted?.();
    return await Promise.all(
      children.map(async ({ child, lines }) => {
        const { value } = await lines.next();
        const [code] = await once(child, "exit");
        if (code !== 0 || !value) throw new Error(`burst child exited with ${code}`);
        return JSON.parse(value) as ProcessOutcome;
      }),
    );
  } finally {
    for (const { child } of children) if (child.exitCode === null) child.kill();
  }
}
