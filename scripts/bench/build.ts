/**
 * `npm run bench:build`: wall time of a cold import + build of the docs snapshot (fresh process, empty cache,
 * temp project) and of a rebuild with nothing changed (fresh process, warm cache), against the goals
 * (cold ≤ 3 s, unchanged ≤ 0.5 s); also the cold figure of the two commands a user runs, one process each.
 * Every process is started the way the package.json scripts start theirs (`node --import tsx <file>`), so
 * node and tsx start-up are included. Each figure is the median of a few runs, since the machine is shared.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exitIfHelp, isQuick } from "../lib/cli-help.js";

exitIfHelp({
  command: "npm run bench:build",
  summary:
    "wall time of a cold docs:import + build of the docs snapshot (fresh process, empty cache, temp project) and " +
    "of a rebuild with nothing changed, against the goals (cold ≤ 3 s, unchanged ≤ 0.5 s); median of 3 runs. " +
    "Writes only to temp directories.",
  options: [["--quick", "off", "one run instead of three: the same lines"]],
  exitCodes: [
    [0, "figures printed"],
    [1, "the benchmark failed (the error says where)"],
  ],
});

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** tsx's loader, as `--import tsx` resolves it from the repo (the temp projects have no node_modules). */
const tsxLoader = createRequire(import.meta.url).resolve("tsx");
const RUNS = isQuick() ? 1 : 3;

/** In the child: import the snapshot into <project>/openapi, then build <project>, in one process. */
async function importAndBuild(project: string): Promise<void> {
  const { importDocs } = await import("../lib/import/import-docs.js");
  const { runBuild } = await import("../lib/spec/pipeline.js");
  await importDocs({
    source: join(root, "test", "fixtures", "codegen-docs"),
    outDir: join(project, "openapi"),
  });
  await runBuild({ rootDir: project });
}

/** Runs `use` in a fresh temp project (base document, overrides and configs, no fragment yet), then removes it. */
async function inFreshProject(use: (project: string) => void): Promise<void> {
  const project = await mkdtemp(join(tmpdir(), "codegen-bench-build-"));
  try {
    await cp(join(root, "openapi", "base.yaml"), join(project, "openapi", "base.yaml"));
    await cp(join(root, "openapi", "overrides"), join(project, "openapi", "overrides"), { recursive: true });
    for (const file of ["redocly.yaml", ".prettierrc.json"]) await cp(join(root, file), join(project, file));
    // As in the repo, the overrides (.ts) are ES modules. Without this, tsx would load them as CommonJS and
    // recompile them on every run (its CommonJS cache is keyed by path, and each run has a new temp dir).
    await writeFile(join(project, "package.json"), `${JSON.stringify({ private: true, type: "module" })}\n`);
    use(project);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

/** Runs each command (a TypeScript file and its arguments) in turn, in a fresh process; total wall time. */
function wallMs(cwd: string, ...commands: string[][]): number {
  const started = performance.now();
  for (const args of commands)
    execFileSync(process.execPath, ["--import", tsxLoader, ...args], {
      cwd,
      stdio: ["ignore", "ignore", "inherit"],
    });
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldCommands: number[] = [];
  const build = [join(root, "scripts", "build.ts"), "--quiet"];
  const docsImport = [
    join(root, "scripts", "docs-import.ts"),
    join(root, "test", "fixtures", "codegen-docs"),
  ];
  for (let run = 0; run < RUNS; run++) {
    await inFreshProject((project) => {
      cold.push(wallMs(project, [fileURLToPath(import.meta.url), "--import-and-build", project]));
      warm.push(wallMs(project, build));
    });
    await inFreshProject((project) => coldCommands.push(wallMs(project, docsImport, build)));
  }
  const line = (label: string, ms: number, goal: number) =>
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   goal ≤ ${goal} ms   ${(ms / goal).toFixed(2)}× the goal ${ms <= goal ? "✓" : "✗"}`;
  console.log(
    `build benchmark (median of ${RUNS}, wall time of a fresh \`node --import tsx\` process each, start-up included)`,
  );
  console.log(line("cold: docs:import + build, empty cache", median(cold), 3000));
  console.log(line("rebuild with nothing changed (cache hit)", median(warm), 500));
  console.log(`cold / unchanged: ${(median(cold) / median(warm)).toFixed(1)}×`);
  console.log(
    `${"cold as two commands (docs:import, then build)".padEnd(44)} ${median(coldCommands).toFixed(0).padStart(6)} ms` +
      "   (one more process start-up)",
  );
}

const [flag, project] = process.argv.slice(2);
if (flag === "--import-and-build" && project) await importAndBuild(project);
else await main();
