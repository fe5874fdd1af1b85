// @ts-check
/**
 * The worker thread of render-thread.ts. It starts loading openapi-typescript and prettier at once (about a
 * second of one core) while the main thread loads, merges, validates and lints the spec, then runs the
 * renderings it is sent: `{ id, task: "renderSchemaTs" | "formatTypeScript", args }`. Replies `{ id, text }` or
 * `{ id, error: { message, stack } }`.
 */
import { parentPort } from "node:worker_threads";
import { formatTypeScript, loadRenderTools, renderSchemaTs } from "./render-tools.mjs";

const tasks = { renderSchemaTs, formatTypeScript };
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
// A failed load is reported by the first rendering that needs the tools, not as an unhandled rejection here.
loadRenderTools().catch(() => {});

port.on("message", async (/** @type {{ id: number; task: keyof typeof tasks; args: any[] }} */ request) => {
  try {
    const render = /** @type {(...args: any[]) => Promise<string>} */ (tasks[request.task]);
    port.postMessage({ id: request.id, text: await render(...request.args) });
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id: request.id, error: { message, stack } });
  }
});
