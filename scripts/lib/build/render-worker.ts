/** Worker-thread side of `renderer.ts`: loads the heavy tools once, then renders what the build asks for. */
import { parentPort } from "node:worker_threads";
import { BuildError } from "./errors.js";
import { renderTasks, type RenderTask } from "./render-tasks.js";

export interface RenderRequest {
  id: number;
  task: RenderTask;
  args: unknown[];
}

export type RenderReply =
  | { id: number; result: string }
  | {
      id: number;
      error: {
        message: string;
        stack?: string;
        buildError?: { file?: string; operation?: string; problem: string };
      };
    };

parentPort!.on("message", async ({ id, task, args }: RenderRequest) => {
  try {
    const render = renderTasks[task] as (...args: unknown[]) => Promise<string>;
    parentPort!.postMessage({ id, result: await render(...args) } satisfies RenderReply);
  } catch (error) {
    const { message, stack } = error as Error;
    const buildError =
      error instanceof BuildError
        ? { file: error.file, operation: error.operation, problem: error.problem }
        : undefined;
    parentPort!.postMessage({ id, error: { message, stack, buildError } } satisfies RenderReply);
  }
});
