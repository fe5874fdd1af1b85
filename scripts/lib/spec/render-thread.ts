import { Worker } from "node:worker_threads";
import type * as RenderTools from "./render-tools.mjs";

/**
 * Runs the build's heavy renderings (render-tools.mjs: openapi-typescript and prettier) in a worker thread, so
 * that loading those tools (about a second of one core, the largest cost of a cold build) overlaps with
 * loading, merging, validating and linting the spec on the main thread: `warmUpRenderThread()` starts the
 * worker as soon as a build knows it will run, and the main thread never loads the tools.
 *
 * - One worker per process, created by the first warm-up and reused by later builds (tests run many builds in
 *   one process and pay the load once).
 * - It is unref'd whenever no rendering is pending: an idle worker, or one still loading, never keeps a process
 *   alive; a pending rendering does (else the process could exit while awaiting it).
 * - It is started without tsx (`execArgv: []`): its code (render-worker.mjs, render-tools.mjs) is plain
 *   JavaScript that loads packages only, and tsx's loader would add ~0.2 s to its start-up and slow every module
 *   it loads. The same code therefore also runs in-process: renderings pending when the worker dies or is
 *   stopped, and every rendering if no worker can be started, run there instead (same output, only slower).
 */

type Task = "renderSchemaTs" | "formatTypeScript";
type Reply = { id: number; text: string } | { id: number; error: { message: string; stack?: string } };

interface PendingRendering {
  task: Task;
  args: unknown[];
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let workersUnsupported = false;
const pending = new Map<number, PendingRendering>();
let nextId = 0;

/** Starts the worker (which starts loading the tools) unless it is running. Cheap and idempotent. */
export function warmUpRenderThread(): void {
  if (worker || workersUnsupported) return;
  let started: Worker;
  try {
    started = new Worker(new URL("./render-worker.mjs", import.meta.url), { execArgv: [] });
  } catch {
    workersUnsupported = true;
    return;
  }
  started.on("message", (reply: Reply) => {
    const rendering = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if (!rendering) return;
    if ("text" in reply) return rendering.resolve(reply.text);
    const error = new Error(reply.error.message);
    if (reply.error.stack) error.stack = reply.error.stack;
    rendering.reject(error);
  });
  started.on("error", () => abandon(started));
  started.on("exit", () => abandon(started));
  // After the listeners: adding a "message" listener refs the worker again.
  started.unref();
  worker = started;
}

/**
 * schema.ts for the merged spec (openapi-typescript, then prettier with the options that apply to `filepath`).
 * Rejects with the error openapi-typescript or prettier threw.
 */
export function renderSchemaTs(spec: Record<string, unknown>, filepath: string): Promise<string> {
  return run("renderSchemaTs", [spec, filepath]);
}

/** TypeScript source formatted by prettier with the options that apply to `filepath`. */
export function formatTypeScript(text: string, filepath: string): Promise<string> {
  return run("formatTypeScript", [text, filepath]);
}

/**
 * Stops the worker and frees its memory (TypeScript alone takes ~100 MB); renderings still pending finish
 * in-process. The next rendering starts a new worker. A process need not call this to exit.
 */
export async function stopRenderThread(): Promise<void> {
  const stopping = worker;
  if (!stopping) return;
  abandon(stopping);
  await stopping.terminate();
}

function run(task: Task, args: unknown[]): Promise<string> {
  warmUpRenderThread();
  const target = worker;
  if (!target) return runInProcess(task, args);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { task, args, resolve, reject });
    target.ref();
    target.postMessage({ id, task, args });
  });
}

/** Forgets a worker that died or is being stopped, and runs what it had been asked in-process. */
function abandon(gone: Worker): void {
  if (worker !== gone) return;
  worker = undefined;
  const orphans = [...pending.values()];
  pending.clear();
  for (const { task, args, resolve, reject } of orphans) runInProcess(task, args).then(resolve, reject);
}

async function runInProcess(task: Task, args: unknown[]): Promise<string> {
  const tools: typeof RenderTools = await import("./render-tools.mjs");
  // The worker gets copies by postMessage; so do the tools here (openapi-typescript may annotate the spec).
  return (tools[task] as (...args: unknown[]) => Promise<string>)(...structuredClone(args));
}
