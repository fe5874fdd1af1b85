import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { beforeAll, describe, expect, it } from "vitest";
import { measureHeapOf } from "../../scripts/bench/heap.js";
import { buildDist } from "../../scripts/lib/dist.js";
import { sendJson, startServer } from "../client/server.js";
import { BUNDLES, formatBundleSize, measureBundleSize, type BundleName } from "../../scripts/size.js";

const root = join(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const run = promisify(execFile);

beforeAll(async () => {
  await buildDist({ root });
}, 120_000);

describe("the published package", () => {
  it("publint reports no problem (strict)", async () => {
    const { messages } = await publint({ pkgDir: root, strict: true, level: "suggestion" });
    expect(messages.map((message) => formatMessage(message, pkg) ?? message.code)).toEqual([]);
  });

  it("@arethetypeswrong/cli reports no problem on the packed tarball", async () => {
    const attw = join(root, "node_modules", ".bin", "attw");
    // openapi.json is excluded: node10 resolution cannot reach any subpath export; the test below covers it.
    const args = ["--pack", ".", "--format", "ascii", "--exclude-entrypoints", "openapi.json"];
    // Scripts off: attw runs `npm pack`, whose `prepack` would rebuild the repository during the tests.
    const env = { ...process.env, npm_config_ignore_scripts: "true" };
    const result = await run(attw, args, { cwd: root, env }).catch(
      (error: { stdout?: string; stderr?: string; code?: number }) => error,
    );
    // Exit code 0 means no problem in any resolution mode (node10, node16 CJS/ESM, bundler).
    expect("code" in result && result.code ? `${result.stdout}\n${result.stderr}` : "ok").toBe("ok");
  }, 120_000);

  it("an error made by one build is an instance of the other build's classes (both loaded in one process)", async () => {
    const esm: typeof import("../../src/index.js") = await import(
      pathToFileURL(join(root, "dist/esm/index.js")).href
    );
    const cjs: typeof esm = createRequire(import.meta.url)(join(root, "dist/cjs/index.js"));
    const init = {
      status: 404,
      body: {},
      operation: { method: "GET", path: "/x" },
      response: new Response(),
    };
    for (const [made, other] of [
      [esm, cjs],
      [cjs, esm],
    ] as const) {
      const notFound = new made.NotFoundError(init);
      expect(notFound).toBeInstanceOf(other.NotFoundError);
      expect(notFound).toBeInstanceOf(other.CodegenApiError);
      expect(notFound).toBeInstanceOf(other.CodegenError);
      expect(notFound).not.toBeInstanceOf(other.ServerError);
      expect(new made.TimeoutError(undefined, 5)).toBeInstanceOf(other.ConnectionError);
      expect(new made.AgentRunTimeoutError(1, 5, {})).toBeInstanceOf(other.CodegenError);
      expect(new made.AgentRunTimeoutError(1, 5, {})).not.toBeInstanceOf(other.CodegenApiError);
    }
    // Only this package's errors count: another Error of the same name is not one of them.
    const lookalike = Object.assign(new Error("x"), { name: "NotFoundError" });
    expect(lookalike).not.toBeInstanceOf(esm.NotFoundError);
    class NotFoundError extends Error {}
    expect(new NotFoundError()).not.toBeInstanceOf(cjs.NotFoundError);
    // A user's subclass is still told apart from its parent.
    class RunGone extends esm.NotFoundError {}
    expect(new esm.NotFoundError(init)).not.toBeInstanceOf(RunGone);
    expect(new RunGone(init)).toBeInstanceOf(cjs.NotFoundError);
  });

  it("the ESM and CJS entries load and expose the same API", async () => {
    const esm = await import(pathToFileURL(join(root, "dist/esm/index.js")).href);
    const cjs = createRequire(import.meta.url)(join(root, "dist/cjs/index.js"));
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    for (const entry of [esm, cjs]) {
      expect(typeof entry.createCodegenClient).toBe("function");
      const client = entry.createCodegenClient({ token: "t" });
      expect(typeof client.GET).toBe("function");
      expect(typeof client.agentRuns.create).toBe("function");
      const api = entry.createCodegenApi({ token: "t" });
      expect(typeof api.GET).toBe("function");
      expect(api.agentRuns).toBeUndefined();
      expect(
        new entry.NotFoundError({
          status: 404,
          body: {},
          operation: { method: "GET", path: "/" },
          response: new Response(),
        }),
      ).toBeInstanceOf(entry.CodegenApiError);
    }
  });

  it("the CJS build retries a 429 with onRetry set (openapi-fetch's default and named imports both resolve)", async () => {
    let calls = 0;
    const server = await startServer((_request, res) => {
      calls += 1;
      if (calls === 1) sendJson(res, 429, { detail: "slow down" }, { "retry-after": "0" });
      else sendJson(res, 200, { id: 5 });
    });
    try {
      const cjs = createRequire(import.meta.url)(join(root, "dist/cjs/index.js"));
      const reasons: string[] = [];
      const client = cjs.createCodegenClient({
        token: "t",
        orgId: 1,
        baseUrl: server.url,
        onRetry: (event: { reason: string }) => reasons.push(event.reason),
      });
      expect(await client.agentRuns.get(5)).toEqual({ id: 5 });
      expect(reasons).toEqual(["HTTP 429 (Retry-After 0 ms)"]);
    } finally {
      await server.close();
    }
  });

  it("ships the merged spec as codegen-api/openapi.json, for require and import", async () => {
    const require = createRequire(join(root, "package.json"));
    const spec = require(require.resolve("codegen-api/openapi.json"));
    expect(spec.openapi).toMatch(/^3\.1/);
    expect(Object.keys(spec.paths).length).toBeGreaterThan(10);
    // An ESM import resolves the same exports entry (self-reference from inside the package).
    const probe = join(root, "dist", "esm", "index.js");
    const { stdout } = await run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import spec from "codegen-api/openapi.json" with { type: "json" }; console.log(spec.openapi);`,
      ],
      { cwd: join(probe, "..") },
    );
    expect(stdout.trim()).toBe(spec.openapi);
  });

  it("keeps openapi-fetch external in dist (it is the one dependency) and has no node: imports", () => {
    for (const file of ["dist/esm/index.js", "dist/cjs/index.js"]) {
      const code = readFileSync(join(root, file), "utf8");
      expect(code).toMatch(/["']openapi-fetch["']/);
      expect(code).not.toMatch(/["']node:/);
    }
    expect(Object.keys(pkg.dependencies)).toEqual(["openapi-fetch"]);
  });

  it("ships the codegen-api command (bin), which prints its help, and keeps it out of the library bundles", async () => {
    const bin = join(root, pkg.bin["codegen-api"]);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const { stdout } = await run(process.execPath, [bin, "--help"], { cwd: root });
    expect(stdout).toContain("Usage: codegen-api <command>");
    for (const file of ["dist/esm/index.js", "dist/cjs/index.js"])
      expect(readFileSync(join(root, file), "utf8")).not.toContain("codegen-api <command>");
  });

  it.each(Object.keys(BUNDLES) as BundleName[])(
    "the %s bundle (openapi-fetch included) stays under its guard, gzipped",
    async (name) => {
      const size = await measureBundleSize(root, name);
      console.log(formatBundleSize(size));
      expect(size.gzippedBytes).toBeLessThan(BUNDLES[name].maxGzippedBytes);
    },
  );

  it("a createCodegenApi client costs at most 3.5 kB of heap (figures: npm run bench)", () => {
    expect(measureHeapOf(root, "createCodegenApi")).toBeLessThan(3.5 * 1024);
  }, 60_000);

  it("a program making only raw calls (createCodegenApi) bundles none of the helpers", async () => {
    const { inputs } = await measureBundleSize(root, "raw");
    expect(inputs).toContain("src/client.ts");
    const helpers = inputs.filter(
      (file) => file.startsWith("src/helpers/") || file === "src/generated/helpers.ts",
    );
    expect(helpers).toEqual([]);
  });
});
