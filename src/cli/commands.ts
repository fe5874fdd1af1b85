import { readFileSync } from "node:fs";
import { agentRunOutcome, type AgentRun, type AgentRunLog, type CodegenClient, type User } from "../index.js";
import { parse, parseDuration, positiveInt } from "./args.js";
import { helper } from "./helper.js";
import { CliError, EXIT, usageError } from "./exit-codes.js";
import { endGroup, errorCommand, group, inGitHubActions, writeJobSummary } from "./github-actions.js";
import { describeRun, type Output } from "./output.js";

export interface Context {
  client: CodegenClient;
  out: Output;
  /** Aborted by Ctrl-C: stops waiting, the run goes on. */
  signal: AbortSignal;
  /** The run being waited on, so Ctrl-C can say how to follow it again. */
  watching?: number;
}

const WAIT_OPTIONS = {
  wait: { type: "boolean" },
  follow: { type: "boolean" },
  timeout: { type: "string" },
} as const;

/** The prompt from the positionals; `-` reads it from stdin. */
function prompt(words: string[]): string {
  const text = words.length === 1 && words[0] === "-" ? readFileSync(0, "utf8") : words.join(" ");
  if (!text.trim()) throw usageError("a prompt is required (use - to read it from stdin)");
  return text.trim();
}

export async function run(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...WAIT_OPTIONS,
    "repo-id": { type: "string" },
    model: { type: "string" },
  });
  const body: Record<string, unknown> = { prompt: prompt(positionals) };
  const repoId = positiveInt("--repo-id", values["repo-id"]);
  if (repoId !== undefined) body.repo_id = repoId;
  if (typeof values.model == "string") body.model = values.model;
  const timeout = parseDuration(values.timeout);
  const created = await helper(ctx.client, "agentRuns.create")(body);
  return settle(ctx, created, { wait: Boolean(values.wait), follow: Boolean(values.follow), timeout });
}

export async function resume(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, WAIT_OPTIONS);
  const id = positiveInt("run id", positionals[0]);
  if (id === undefined) throw usageError("runs resume: a run id is required");
  const timeout = parseDuration(values.timeout);
  const resume = helper(ctx.client, "agentRuns.resume");
  const resumed = await resume({ agent_run_id: id, prompt: prompt(positionals.slice(1)) });
  return settle(ctx, resumed, { wait: Boolean(values.wait), follow: Boolean(values.follow), timeout });
}

/** After create/resume: print the id and URL, then wait or follow when asked, and map the outcome to an exit code. */
async function settle(
  ctx: Context,
  started: AgentRun,
  options: { wait: boolean; follow: boolean; timeout: number | undefined },
): Promise<number> {
  const { out } = ctx;
  out.message(`run ${started.id} created${started.web_url ? `: ${started.web_url}` : ""}`);
  if (!options.wait && !options.follow) {
    if (out.json) out.jsonDocument(started);
    else out.result(String(started.id));
    return EXIT.success;
  }
  ctx.watching = started.id;
  out.message(`waiting for run ${started.id} (Ctrl-C stops waiting; the run goes on)`);
  const final = options.follow
    ? await followThenGet(ctx, started.id, options.timeout)
    : await waitWithStatus(ctx, started.id, options.timeout);
  return report(ctx, final);
}

async function waitWithStatus(ctx: Context, id: number, timeout: number | undefined): Promise<AgentRun> {
  const startedAt = Date.now();
  let status: string | null | undefined;
  // The live line shows elapsed time between polls too, on a terminal only.
  const ticker = ctx.out.terminal
    ? setInterval(() => ctx.out.status(status, Date.now() - startedAt), 1000)
    : undefined;
  try {
    return await ctx.client.waitForAgentRun(id, {
      signal: ctx.signal,
      ...(timeout !== undefined && { timeout }),
      onUpdate: (run) => {
        status = run.status;
        ctx.out.status(status, Date.now() - startedAt);
      },
    });
  } finally {
    clearInterval(ticker);
    ctx.out.clearStatusLine();
  }
}

async function followThenGet(ctx: Context, id: number, timeout: number | undefined): Promise<AgentRun> {
  await printLogs(ctx, id, true, timeout);
  // The logs page carries the status but not the result and PR links: one Get Agent Run for those.
  return helper(ctx.client, "agentRuns.get")(id, { signal: ctx.signal });
}

async function printLogs(ctx: Context, id: number, follow: boolean, timeout?: number): Promise<void> {
  const { out } = ctx;
  const actions = inGitHubActions() && !out.json;
  if (actions) out.result(group(`Codegen agent run ${id} logs`));
  try {
    const entries: AsyncIterable<AgentRunLog> = follow
      ? ctx.client.followAgentRunLogs(id, { signal: ctx.signal, ...(timeout !== undefined && { timeout }) })
      : helper(ctx.client, "agentRuns.logs")(id, {}, { signal: ctx.signal });
    for await (const entry of entries) {
      if (out.json) out.jsonDocument(entry, false);
      else out.result(formatLog(entry));
    }
  } finally {
    if (actions) out.result(endGroup());
  }
}

function formatLog(entry: AgentRunLog): string {
  const parts = [
    entry.created_at ?? "",
    entry.message_type ?? "",
    entry.tool_name ?? "",
    entry.thought ?? "",
  ];
  return parts.filter(Boolean).join("  ");
}

/** The settled run: printed, summarised for GitHub Actions, and turned into the exit code. */
function report(ctx: Context, final: AgentRun): number {
  const { out } = ctx;
  if (out.json) out.jsonDocument(final);
  else out.result(describeRun(final));
  if (inGitHubActions()) writeJobSummary(final);
  const outcome = agentRunOutcome(final.status);
  if (outcome === "succeeded") return EXIT.success;
  if (outcome === "paused") {
    out.message(`run ${final.id} is PAUSED, waiting for input: codegen-api runs resume ${final.id} <prompt>`);
    return EXIT.paused;
  }
  const message = `run ${final.id} ended with status ${final.status ?? "unknown"}`;
  out.message(inGitHubActions() ? errorCommand(message) : message);
  return EXIT.runFailed;
}

export async function runsList(ctx: Context, args: string[]): Promise<number> {
  const { values } = parse(args, {
    limit: { type: "string" },
    "source-type": { type: "string" },
    "user-id": { type: "string" },
  });
  const limit = positiveInt("--limit", values.limit) ?? 20;
  const query: Record<string, unknown> = {};
  if (typeof values["source-type"] == "string") query.source_type = values["source-type"];
  const userId = positiveInt("--user-id", values["user-id"]);
  if (userId !== undefined) query.user_id = userId;
  const runs: AgentRun[] = [];
  for await (const item of helper(ctx.client, "agentRuns.list")(query, { signal: ctx.signal })) {
    runs.push(item);
    if (runs.length >= limit) break;
  }
  if (ctx.out.json) ctx.out.jsonDocument(runs);
  else
    for (const r of runs)
      ctx.out.result(`${r.id}\t${r.status ?? ""}\t${r.created_at ?? ""}\t${r.web_url ?? ""}`);
  return EXIT.success;
}

export async function runsGet(ctx: Context, args: string[]): Promise<number> {
  parse(args, {});
  const id = requiredId(args, "runs get");
  const got: AgentRun = await helper(ctx.client, "agentRuns.get")(id, { signal: ctx.signal });
  if (ctx.out.json) ctx.out.jsonDocument(got);
  else ctx.out.result(describeRun(got));
  return EXIT.success;
}

export async function runsLogs(ctx: Context, args: string[]): Promise<number> {
  const { values } = parse(args, { follow: { type: "boolean" } });
  const id = requiredId(args, "runs logs");
  if (values.follow) ctx.watching = id;
  if (values.follow) ctx.out.message(`following run ${id} (Ctrl-C stops following; the run goes on)`);
  await printLogs(ctx, id, Boolean(values.follow));
  return EXIT.success;
}

function requiredId(args: string[], command: string): number {
  const { positionals } = parse(args, { follow: { type: "boolean" } });
  const id = positiveInt("run id", positionals[0]);
  if (id === undefined) throw usageError(`${command}: a run id is required`);
  return id;
}

export async function whoami(ctx: Context, args: string[]): Promise<number> {
  parse(args, {});
  const me: User = await helper(ctx.client, "users.me")({ signal: ctx.signal });
  if (ctx.out.json) ctx.out.jsonDocument(me);
  else ctx.out.result(`${me.github_username ?? me.email ?? me.id} (user ${me.id})`);
  return EXIT.success;
}

/** A paged collection printed as `id<TAB>name` lines, or one JSON array. */
export async function listAll(
  ctx: Context,
  args: string[],
  items: (signal: AbortSignal) => AsyncIterable<Record<string, unknown>>,
  label: (item: Record<string, unknown>) => unknown,
): Promise<number> {
  const { values } = parse(args, { limit: { type: "string" } });
  const limit = positiveInt("--limit", values.limit) ?? Infinity;
  const found: Record<string, unknown>[] = [];
  for await (const item of items(ctx.signal)) {
    found.push(item);
    if (found.length >= limit) break;
  }
  if (ctx.out.json) ctx.out.jsonDocument(found);
  else for (const item of found) ctx.out.result(`${item.id}\t${label(item) ?? ""}`);
  return EXIT.success;
}
