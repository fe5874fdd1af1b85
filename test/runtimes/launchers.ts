import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";

/**
 * How each runtime runs test/runtimes/scenarios.js against the built package. A launcher runs the whole scenario
 * list in ONE process (or VM, or page) and hands back what the scenarios printed.
 *
 * `workDir` holds the build under test (`dist/esm`, `dist/cjs`) and a copy of scenarios.js; it lies inside the
 * repository so that `openapi-fetch` resolves from its node_modules, as it does for an installed package.
 */
export interface Workspace {
  root: string;
  workDir: string;
}

/** What a runtime's scenario run printed: each scenario's outcome, and whether the runtime had a `process`. */
export interface RuntimeReport {
  hasProcess: boolean;
  report: Record<string, string>;
}

export interface Runtime {
  name: string;
  /** What is missing for this runtime to run here, if anything (the test fails under CI, skips elsewhere). */
  missing(root: string): string | undefined;
  run(workspace: Workspace, baseUrl: string): Promise<RuntimeReport>;
}

const REPORT_MARK = "codegen-api-runtime-report:";
const bunPath = (root: string) => join(root, "node_modules/@oven/bun-linux-x64/bin/bun");
const denoPath = (root: string) => join(root, "node_modules/@deno/linux-x64-glibc/deno");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const binaryMissing = (path: string, install: string) =>
  existsSync(path) ? undefined : `no ${path} (${install})`;

export const runtimes: Runtime[] = [
  {
    name: "Node ESM (import dist/esm)",
    missing: () => undefined,
    run: (workspace, baseUrl) => spawnEntry(process.execPath, [], workspace, esmEntry(workspace, baseUrl)),
  },
  {
    name: "Node CommonJS (require dist/cjs)",
    missing: () => undefined,
    run: (workspace, baseUrl) => spawnEntry(process.execPath, [], workspace, cjsEntry(workspace, baseUrl)),
  },
  {
    name: "Bun ESM (import dist/esm)",
    missing: (root) => binaryMissing(bunPath(root), "devDependency @oven/bun-linux-x64: npm ci"),
    run: (workspace, baseUrl) =>
      spawnEntry(bunPath(workspace.root), ["run"], workspace, esmEntry(workspace, baseUrl)),
  },
  {
    name: "Bun CommonJS (require dist/cjs)",
    missing: (root) => binaryMissing(bunPath(root), "devDependency @oven/bun-linux-x64: npm ci"),
    run: (workspace, baseUrl) =>
      spawnEntry(bunPath(workspace.root), ["run"], workspace, cjsEntry(workspace, baseUrl)),
  },
  {
    name: "Deno (--allow-net only, import dist/esm)",
    missing: (root) => binaryMissing(denoPath(root), "devDependency @deno/linux-x64-glibc: npm ci"),
    run: (workspace, baseUrl) =>
      spawnEntry(
        denoPath(workspace.root),
        // Deno's defaults plus the network to the test server: no env, no read, no write permission.
        ["run", "--no-prompt", "--allow-net=127.0.0.1"],
        workspace,
        esmEntry(workspace, baseUrl),
        { DENO_DIR: join(workspace.workDir, "deno-cache"), DENO_NO_UPDATE_CHECK: "1" },
      ),
  },
  {
    name: "edge runtime (edge-runtime's EdgeVM, no process)",
    missing: (root) =>
      binaryMissing(
        join(root, "node_modules/edge-runtime/package.json"),
        "devDependency edge-runtime: npm ci",
      ),
    run: async (workspace, baseUrl) => {
      const { EdgeRuntime } = await import("edge-runtime");
      const vm = new EdgeRuntime();
      vm.evaluate(await browserBundle(workspace));
      return JSON.parse(await vm.evaluate(`runCodegenScenarios(${JSON.stringify(baseUrl)})`));
    },
  },
  {
    name: "headless Chromium (the ESM build in a page)",
    missing: () => binaryMissing(chromiumPath, "apt-get install chromium, or set CHROMIUM_PATH"),
    run: async (workspace, baseUrl) => {
      const { chromium } = await import("playwright-core");
      const bundle = await browserBundle(workspace);
      // The page comes from its own origin, so every call is a cross-origin (CORS) request as in an app.
      const site = createServer((req, res) => {
        if (req.url === "/scenarios.js") {
          res.writeHead(200, { "content-type": "text/javascript" });
          res.end(bundle);
        } else {
          res.writeHead(200, { "content-type": "text/html" });
          res.end(`<!doctype html><title>codegen-api</title><script src="/scenarios.js"></script>`);
        }
      });
      await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
        ],
      });
      try {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
        const json = await page.evaluate(
          (url) => (globalThis as any).runCodegenScenarios(url) as Promise<string>,
          baseUrl,
        );
        return JSON.parse(json);
      } finally {
        await browser.close();
        site.closeAllConnections();
        await new Promise((resolve) => site.close(resolve));
      }
    },
  },
];

/** An ESM program: imports the ESM build, runs the scenarios, prints the report. */
function esmEntry({ workDir }: Workspace, baseUrl: string) {
  return {
    file: join(workDir, `entry-${slug(baseUrl)}.mjs`),
    code: `import * as codegen from "./dist/esm/index.js";
import { runScenarios } from "./scenarios.js";
const report = await runScenarios(codegen, ${JSON.stringify(baseUrl)});
console.log(${JSON.stringify(REPORT_MARK)} + JSON.stringify({ hasProcess: typeof process != "undefined", report }));
`,
  };
}

/** A CommonJS program: requires the CJS build (scenarios.js is ESM, so it is imported). */
function cjsEntry({ workDir }: Workspace, baseUrl: string) {
  return {
    file: join(workDir, `entry-${slug(baseUrl)}.cjs`),
    code: `const codegen = require("./dist/cjs/index.js");
import("./scenarios.js")
  .then(({ runScenarios }) => runScenarios(codegen, ${JSON.stringify(baseUrl)}))
  .then((report) => {
    console.log(${JSON.stringify(REPORT_MARK)} + JSON.stringify({ hasProcess: typeof process != "undefined", report }));
  });
`,
  };
}

const slug = (baseUrl: string) => new URL(baseUrl).pathname.replace(/\W+/g, "");

async function spawnEntry(
  command: string,
  args: string[],
  { root, workDir }: Workspace,
  entry: { file: string; code: string },
  env: Record<string, string> = {},
): Promise<RuntimeReport> {
  await writeFile(entry.file, entry.code);
  // The client reads CODEGEN_* from the environment where it can: the scenarios must not depend on the caller's.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("CODEGEN_")),
  );
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      command,
      [...args, entry.file],
      { cwd: root, env: { ...inherited, ...env }, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && !stdout.includes(REPORT_MARK))
          reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
  const line = stdout.split("\n").find((text) => text.startsWith(REPORT_MARK));
  if (!line) throw new Error(`no report in the output:\n${stdout}\n${stderr}`);
  return JSON.parse(line.slice(REPORT_MARK.length));
}

/**
 * The ESM build with openapi-fetch bundled in, as an app for a browser or an edge platform ships it, exposing
 * `runCodegenScenarios(baseUrl)` (→ the report as JSON) as a global.
 */
const bundles = new Map<string, Promise<string>>();
function browserBundle({ workDir }: Workspace): Promise<string> {
  const bundled = bundles.get(workDir) ?? bundleForBrowsers(workDir);
  bundles.set(workDir, bundled);
  return bundled;
}

async function bundleForBrowsers(workDir: string): Promise<string> {
  const entry = join(workDir, "browser-entry.mjs");
  await writeFile(
    entry,
    `import * as codegen from "./dist/esm/index.js";
import { runScenarios } from "./scenarios.js";
globalThis.runCodegenScenarios = async (baseUrl) =>
  JSON.stringify({ hasProcess: typeof process != "undefined", report: await runScenarios(codegen, baseUrl) });
`,
  );
  const outfile = join(workDir, "browser-bundle.js");
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2022"],
    outfile,
    logLevel: "silent",
  });
  return readFile(outfile, "utf8");
}
