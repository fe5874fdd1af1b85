/**
 * `npm run bench:build`: wall time of a cold import + build of the docs snapshot (fresh process, empty cache,
 * temp project) and of a rebuild with nothing changed (fresh process, warm cache), against the goals
 * (cold ≤ 3 s, unchanged ≤ 0.5 s). Each figure is the median of a few runs, since the machine is shared.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const RUNS = 3;

/** In the child: import the snapshot into <project>/openapi, then build <project>, in one process. */
async function importAndBuild(project: string): Promise<void> {
  const { importDocs } = await import("../lib/import/import-docs.js");
  const { runBuild } = await import("../lib/build/pipeline.js");
  await importDocs({
    source: join(root, "test", "fixtures", "codegen-docs"),
    outDir: join(project, "openapi"),
  });
  await runBuild({ rootDir: project });
}

async function makeProject(): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), "codegen-bench-build-"));
  await cp(join(root, "openapi", "base.yaml"), join(project, "openapi", "base.yaml"));
  await cp(join(root, "openapi", "overrides"), join(project, "openapi", "overrides"), { recursive: true });
  for (const file of ["redocly.yaml", ".prettierrc.json"]) await cp(join(root, file), join(project, file));
  return project;
}

function wallMs(args: string[], cwd: string): number {
  const started = performance.now();
  execFileSync(tsx, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const project = await makeProject();
    try {
      cold.push(wallMs([fileURLToPath(import.meta.url), "--import-and-build", project], project));
      warm.push(wallMs([join(root, "scripts", "build.ts"), "--quiet"], project));
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }
  const line = (label: string, ms: number, goal: number) =>
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   goal ≤ ${goal} ms   ${(ms / goal).toFixed(2)}× the goal ${ms <= goal ? "✓" : "✗"}`;
  console.log(
    `build benchmark (median of ${RUNS}, wall time of a fresh process each, tsx start-up included)`,
  );
  console.log(line("cold: docs:import + build, empty cache", median(cold), 3000));
  console.log(line("rebuild with nothing changed (cache hit)", median(warm), 500));
  console.log(`cold / unchanged: ${(median(cold) / median(warm)).toFixed(1)}×`);
}

const [flag, project] = process.argv.slice(2);
if (flag === "--import-and-build" && project) await importAndBuild(project);
else await main();
