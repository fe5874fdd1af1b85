import type { AgentRun } from "../index.js";

/**
 * Where the command writes: results on stdout (exactly one JSON document with --json, one JSON object per line
 * for streams), progress and messages on stderr. A live status line rewrites itself on a terminal; elsewhere
 * each change is a plain line. CODEGEN_CLI_FORCE_TTY=1 forces terminal mode (for the tests: no pty here).
 */
export class Output {
  readonly json: boolean;
  readonly verbose: boolean;
  readonly terminal = process.env.CODEGEN_CLI_FORCE_TTY === "1" || Boolean(process.stderr.isTTY);
  private statusLineShown = false;

  constructor(options: { json: boolean; verbose: boolean }) {
    this.json = options.json;
    this.verbose = options.verbose;
  }

  result(text: string): void {
    this.clearStatusLine();
    process.stdout.write(`${text}\n`);
  }

  jsonDocument(value: unknown, pretty = true): void {
    this.clearStatusLine();
    process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
  }

  message(text: string): void {
    this.clearStatusLine();
    process.stderr.write(`${text}\n`);
  }

  debug(text: string): void {
    if (this.verbose) this.message(`[verbose] ${text}`);
  }

  /** The run's status and the time spent waiting, rewritten in place on a terminal. */
  status(status: string | null | undefined, elapsedMs: number): void {
    const line = `status: ${status ?? "PENDING"} (${formatElapsed(elapsedMs)})`;
    if (this.terminal) {
      process.stderr.write(`\r\x1b[2K${line}`);
      this.statusLineShown = true;
    } else process.stderr.write(`${line}\n`);
  }

  clearStatusLine(): void {
    if (!this.statusLineShown) return;
    process.stderr.write("\r\x1b[2K");
    this.statusLineShown = false;
  }
}

export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

/** The run as readable lines: id, status, web URL, result or summary, PR links. */
export function describeRun(run: AgentRun): string {
  const lines = [`run ${run.id}: ${run.status ?? "PENDING"}`];
  if (run.web_url) lines.push(`web: ${run.web_url}`);
  const outcome = run.result ?? run.summary;
  if (outcome) lines.push("", outcome, "");
  for (const pr of run.github_pull_requests ?? [])
    lines.push(`pull request: ${pr.url}${pr.title ? ` (${pr.title})` : ""}`);
  return lines.join("\n").trimEnd();
}
