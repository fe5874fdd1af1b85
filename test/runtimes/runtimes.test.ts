import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDist } from "../../scripts/lib/dist.js";
import type { TestServer } from "../client/server.js";
import { startScenarioServer } from "./api-server.js";
import { runtimes, type RuntimeReport, type Workspace } from "./launchers.js";
import { scenarios } from "./scenarios.js";

/**
 * Every runtime the README promises runs the same scenarios (scenarios.js) against the built package: one process
 * (or VM, or page) per runtime, all at once, each on its own slice of one API server on 127.0.0.1. Under CI a
 * runtime that cannot run fails the suite; elsewhere it is skipped with a warning naming what is missing.
 * `RUNTIMES=bun,deno npx vitest run test/runtimes` runs only the runtimes whose names contain one of those words.
 */
const root = join(import.meta.dirname, "../..");
const only = process.env.RUNTIMES?.toLowerCase()
  .split(",")
  .map((word) => word.trim());
const selected = runtimes.filter(
  (runtime) => !only || only.some((word) => word && runtime.name.toLowerCase().includes(word)),
);
const missing = new Map(selected.map((runtime) => [runtime.name, runtime.missing(root)]));
for (const [name, absent] of missing) {
  if (absent && !process.env.CI) console.warn(`⚠ Skipping ${name}: ${absent}`);
}
/** Runtimes that run here: every selected one under CI (where a missing one fails), the available ones elsewhere. */
const running = selected.filter((runtime) => process.env.CI || !missing.get(runtime.name));

const workspace: Workspace = { root, workDir: "" };
let server: TestServer;
const reports = new Map<string, Promise<RuntimeReport>>();

beforeAll(async () => {
  await mkdir(join(root, ".cache"), { recursive: true });
  workspace.workDir = await mkdtemp(join(root, ".cache", "runtimes-"));
  await buildDist({ root, outDir: join(workspace.workDir, "dist") });
  await copyFile(join(import.meta.dirname, "scenarios.js"), join(workspace.workDir, "scenarios.js"));
  server = await startScenarioServer();
  for (const runtime of running) {
    const absent = missing.get(runtime.name);
    const report = absent
      ? Promise.reject(new Error(`${runtime.name} cannot run here: ${absent}`))
      : runtime.run(workspace, `${server.url}/${slice(runtime.name)}`);
    // Awaited by the runtime's own tests; a rejection is reported there, not as an unhandled one here.
    report.catch(() => undefined);
    reports.set(runtime.name, report);
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (workspace.workDir) await rm(workspace.workDir, { recursive: true, force: true });
});

const slice = (name: string) => name.split(" (")[0]!.toLowerCase().replace(/\W+/g, "-");

for (const runtime of runtimes) {
  describe.skipIf(!running.includes(runtime))(runtime.name, () => {
    it("can run here", () => {
      expect(missing.get(runtime.name)).toBeUndefined();
    });

    it.each(Object.keys(scenarios))(
      "%s",
      async (scenario) => {
        const { report } = await reports.get(runtime.name)!;
        expect(report[scenario]).toBe("ok");
      },
      120_000,
    );
  });
}

const edge = runtimes.find((runtime) => runtime.name.startsWith("edge runtime"))!;
it.skipIf(!running.includes(edge))(
  "the edge runtime really has no process (the client reads no environment there)",
  async () => {
    expect((await reports.get(edge.name)!).hasProcess).toBe(false);
  },
  120_000,
);
