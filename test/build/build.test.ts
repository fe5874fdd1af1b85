import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSpec, runBuild } from "../../scripts/lib/build/pipeline.js";
import { makeProject, repoRoot, validFragments } from "./project.js";

const run = promisify(execFile);
/** The CLI as `npm run build` runs it, `node --import tsx` (tsx resolved from this repo: the roots are temp dirs). */
const buildCli = (...args: string[]) => [
  "--import",
  createRequire(import.meta.url).resolve("tsx"),
  join(repoRoot, "scripts/build.ts"),
  ...args,
];
const GENERATED = [
  "src/generated/openapi.json",
  "src/generated/schema.ts",
  "src/generated/operations.ts",
  "src/generated/helpers.ts",
  "src/generated/surface.json",
];

describe("the snapshot's fragments", () => {
  it("merge into one spec of 25 operations, with bearer auth instead of authorization parameters", async () => {
    const { spec, warnings } = await buildSpec({ openapiDir: join(repoRoot, "openapi") });
    expect(warnings).toEqual([]);
    const operations = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(
      ([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          key: `${method.toUpperCase()} ${path}`,
          operation,
        })),
    );
    expect(operations).toHaveLength(25);
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    for (const { key, operation } of operations) {
      expect(operation.parameters ?? [], key).not.toContainEqual(
        expect.objectContaining({ name: "authorization" }),
      );
      expect(operation["x-source"].url, key).toMatch(/^https:\/\/docs\.codegen\.com\/api-reference\//);
      expect(operation["x-rate-limit"].group, key).toBeTypeOf("string");
    }
    const checkSuite = (spec.paths as any)["/v1/organizations/{org_id}/repos/check-suite-settings"];
    for (const method of ["get", "put"])
      expect(checkSuite[method].parameters[0]).toEqual({
        name: "org_id",
        in: "path",
        required: true,
        schema: { type: "integer", title: "Org Id" },
      });
  });

  it("produce exactly the committed src/generated files (what `npm run build -- --check` verifies)", async () => {
    const result = await runBuild({ rootDir: repoRoot, check: true, cache: false });
    expect(result.stale).toEqual([]);
  });

  it("generate the rate-limit table of the overview page", async () => {
    const { rateLimits, operationGroups } = await import("../../src/generated/operations.js");
    expect(rateLimits).toMatchObject({
      standard: { limit: 60, windowMs: 30_000 },
      "agent-creation": { limit: 10, windowMs: 60_000 },
      "setup-commands": { limit: 5, windowMs: 60_000 },
      "log-analysis": { limit: 5, windowMs: 60_000 },
    });
    expect(rateLimits["agent-creation"]!.operations).toEqual(["POST /v1/organizations/{org_id}/agent/run"]);
    expect(rateLimits.standard!.operations).toBeUndefined();
    expect(operationGroups["POST /v1/organizations/{org_id}/agent/run"]).toBe("agent-creation");
    expect(Object.keys(operationGroups)).toHaveLength(25);
  });

  it("pass @redocly/cli's own lint with 0 errors and 0 warnings", async () => {
    const cli = join(repoRoot, "node_modules", "@redocly", "cli", "bin", "cli.js");
    const { stdout } = await run(
      process.execPath,
      [cli, "lint", "src/generated/openapi.json", "--format=json"],
      {
        cwd: repoRoot,
      },
    );
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});

describe("rebuilds, --check and the CLI", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ root, cleanup } = await makeProject({ fragments: await validFragments() }));
  });
  afterAll(() => cleanup());

  it("skip every step when no input changed, and rebuild when one did", async () => {
    const first = await runBuild({ rootDir: root });
    expect(first).toMatchObject({ cached: false, written: GENERATED });
    const second = await runBuild({ rootDir: root });
    expect(second).toMatchObject({ cached: true, written: [], timings: [] });

    const base = join(root, "openapi", "base.yaml");
    const original = await readFile(base, "utf8");
    await writeFile(base, original.replace("title: Codegen Developer API", "title: Codegen API"));
    const third = await runBuild({ rootDir: root });
    expect(third).toMatchObject({ cached: false, written: ["src/generated/openapi.json"] });
    await writeFile(base, original);
    await runBuild({ rootDir: root });
  });

  it("rebuild when a generated file was edited by hand, even though the inputs did not change", async () => {
    const schema = join(root, "src/generated/schema.ts");
    await writeFile(schema, "// edited\n" + (await readFile(schema, "utf8")));
    const result = await runBuild({ rootDir: root });
    expect(result).toMatchObject({ cached: false, written: ["src/generated/schema.ts"] });
  });

  it("--check names the stale file, exits 1 and writes nothing", async () => {
    const schema = join(root, "src/generated/schema.ts");
    const edited = "// edited\n" + (await readFile(schema, "utf8"));
    await writeFile(schema, edited);
    const failure = await run(process.execPath, buildCli("--check"), { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("stale");
    expect(failure?.stderr).toContain("src/generated/schema.ts");
    expect(failure?.stderr).not.toContain("src/generated/openapi.json");
    expect(await readFile(schema, "utf8")).toBe(edited);
    await runBuild({ rootDir: root });
  });

  it("the CLI prints a BuildError without a stack trace and exits 1; --quiet silences the timings", async () => {
    const quiet = await run(process.execPath, buildCli("--no-cache", "--quiet"), { cwd: root });
    expect(quiet.stdout).toBe("");
    const loud = await run(process.execPath, buildCli("--no-cache"), { cwd: root });
    expect(loud.stdout).toMatch(/^ {2}lint \(redocly\) +\d+ ms$/m);

    const dangling = join(root, "openapi", "agents", "dangling.yaml");
    await writeFile(dangling, "openapi: 3.1.0\npaths: [\n");
    const failure = await run(process.execPath, buildCli("--no-cache"), { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(
      /^build failed, no generated file was changed:\n {2}openapi\/agents\/dangling\.yaml: malformed YAML/,
    );
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});
