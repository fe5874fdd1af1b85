import { Worker } from "node:worker_threads";
import { BuildError } from "./errors.js";
import type { RenderTask, RenderTasks } from "./render-tasks.js";
import type { RenderReply, RenderRequest } from "./render-worker.js";

export interface Renderer {
  render<T extends RenderTask>(task: T, ...args: Parameters<RenderTasks[T]>): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs the build's heavy renderings in a worker thread started right away, so that loading prettier and
 * TypeScript (about 1.5 s) overlaps with loading, merging and linting the spec on the main thread: on two cores
 * that is most of a cold build's time. Errors come back as they were thrown (a BuildError stays a BuildError).
 * Should the worker die, the remaining renderings run on the calling thread instead.
 */
export function startRenderWorker(): Renderer {
  const worker = new Worker(new URL("./render-worker-bootstrap.mjs", import.meta.url));
  const fallback = inProcessRenderer();
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let dead = false;
  const failAll = (error: Error) => {
    dead = true;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if ("result" in reply) return waiting.resolve(reply.result);
    const { message, stack, buildError } = reply.error;
    const error = buildError ? new BuildError(buildError, buildError.problem) : new Error(message);
    if (!buildError && stack) error.stack = stack;
    waiting.reject(error);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`the build's render worker exited (code ${code})`)));
  return {
    render(task, ...args) {
      if (dead) return fallback.render(task, ...args);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, task, args } satisfies RenderRequest);
      });
    },
    async close() {
      dead = true;
      await worker.terminate();
    },
  };
}

/** The same renderings on the calling thread (for `buildSpec` callers and one-off renders). */
export function inProcessRenderer(): Renderer {
  return {
    async render(task, ...args) {
      const { renderTasks } = await import("./render-tasks.js");
      return (renderTasks[task] as (...args: unknown[]) => Promise<string>)(...args);
    },
    async close() {},
  };
}
