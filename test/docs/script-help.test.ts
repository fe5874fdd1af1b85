import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const scripts = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts as Record<
  string,
  string
>;
/** tsx's loader by path: the scripts run from an empty directory, which has no node_modules. */
const tsxLoader = createRequire(import.meta.url).resolve("tsx");

// The scripts that run one of ours (`node --import tsx scripts/….ts`); the others call a tool directly
// (vitest, tsc, prettier), whose own --help answers.
const ours = Object.entries(scripts).flatMap(([name, command]) => {
  const match = /^node --import tsx (scripts\/\S+\.ts)$/.exec(command);
  return match ? [[name, match[1]!] as const] : [];
});

describe("npm run <script> -- --help", () => {
  it("covers every script of ours", () => {
    const names = ours.map(([name]) => name);
    for (const name of [
      "build",
      "docs:import",
      "spec:diff",
      "bench",
      "bench:build",
      "bench:burst",
      "bench:wait",
    ])
      expect(names).toContain(name);
  });

  it.each(ours)(
    "%s answers --help with its usage, exit 0, and does no work",
    async (name, file) => {
      // Run from an empty directory: a script that started work would write there, or fail for lack of inputs.
      const cwd = await mkdtemp(join(tmpdir(), "codegen-api-help-"));
      try {
        const { stdout } = await run(
          process.execPath,
          ["--import", tsxLoader, join(repoRoot, file), "--help"],
          {
            cwd,
            timeout: 60_000,
          },
        );
        expect(stdout).toContain(`usage: npm run ${name}`);
        expect(stdout).toMatch(/^options:$/m);
        expect(stdout).toMatch(/^exit codes:$/m);
        expect(await readdir(cwd)).toEqual([]);
      } finally {
        await rm(cwd, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
