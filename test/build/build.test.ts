import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_METHODS } from "../../scripts/lib/http-methods.js";
import { listFragmentFiles } from "../../scripts/lib/spec/load.js";
import { buildSpec, runBuild } from "../../scripts/lib/spec/pipeline.js";
import { parseDocsIndex } from "../../scripts/lib/import/docs-index.js";
import { parseOverviewRateLimits } from "../../scripts/lib/import/rate-limits.js";
import { GENERATED_FILES, makeProject, repoRoot, validFragments } from "./project.js";

const run = promisify(execFile);
/** The CLI as `npm run build` runs it, `node --import tsx` (tsx resolved from this repo: the roots are temp dirs). */
const buildCli = (...args: string[]) => [
  "--import",
  createRequire(import.meta.url).resolve("tsx"),
  join(repoRoot, "scripts/build.ts"),
  ...args,
];

/**
 * The operation pages of the docs the committed fragments were imported from (the copy docs:import keeps), so
 * these tests follow whatever docs a sync brought in.
 */
async function keptOperationPageUrls(): Promise<string[]> {
  const index = join(repoRoot, "openapi", "docs-pages", "llms.txt");
  return parseDocsIndex(await readFile(index, "utf8"), index)
    .filter((page) => page.section !== undefined)
    .map((page) => page.url);
}

/** Every operation of a spec, as "METHOD /path" with the operation and its path item. */
function operationsOf(spec: Record<string, any>) {
  return Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (HTTP_METHODS as readonly string[]).includes(method))
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, item, operation })),
  );
}

describe("the committed fragments", () => {
  it("merge into one spec, an operation per page of the docs, with bearer auth instead of authorization parameters", async () => {
    const openapiDir = join(repoRoot, "openapi");
    const { spec, warnings } = await buildSpec({ openapiDir });
    // What the docs may legitimately cause is reported, not failed: an override with nothing left to correct,
    // a component no operation uses any more. Any other warning is the build's own doing.
    expect(
      warnings.filter((warning) => !/found nothing to correct|is used by no operation/.test(warning)),
    ).toEqual([]);
    const operations = operationsOf(spec);
    expect(operations).toHaveLength((await listFragmentFiles(openapiDir)).length);
    expect(operations.map(({ operation }) => operation["x-source"].url).sort()).toEqual(
      (await keptOperationPageUrls()).sort(),
    );
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    for (const { key, operation } of operations) {
      expect(operation.parameters ?? [], key).not.toContainEqual(
        expect.objectContaining({ name: "authorization" }),
      );
      expect(operation["x-rate-limit"].group, key).toBeTypeOf("string");
    }
    // Some pages put {org_id} in the path and declare no parameter for it (check-suite-settings on 2025-10-07):
    // after the overrides every such operation declares it, or no client could build its URL.
    const withOrgId = operations.filter(({ path }) => path.includes("{org_id}"));
    expect(withOrgId.length).toBeGreaterThan(0);
    for (const { key, item, operation } of withOrgId) {
      const declared = [...(item.parameters ?? []), ...(operation.parameters ?? [])].filter(
        (parameter: { name: string }) => parameter.name === "org_id",
      );
      expect(declared, key).toEqual([
        expect.objectContaining({
          name: "org_id",
          in: "path",
          required: true,
          schema: expect.objectContaining({ type: "integer" }),
        }),
      ]);
    }
  });

  it("produce exactly the committed src/generated files (what `npm run build -- --check` verifies)", async () => {
    const result = await runBuild({ rootDir: repoRoot, check: true, cache: false });
    expect(result.stale).toEqual([]);
  });

  it("generate the rate-limit table from each operation's x-rate-limit, with the overview page's numbers", async () => {
    const { rateLimits, operationGroups } = await import("../../src/generated/operations.js");
    const spec = JSON.parse(await readFile(join(repoRoot, "src/generated/openapi.json"), "utf8"));
    const operations = operationsOf(spec);
    expect(Object.keys(operationGroups).sort()).toEqual(operations.map(({ key }) => key).sort());
    for (const { key, operation } of operations) {
      const { group, limit, windowSeconds } = operation["x-rate-limit"];
      expect(operationGroups[key], key).toBe(group);
      expect(rateLimits[group], key).toMatchObject({ limit, windowMs: windowSeconds * 1000 });
      // The standard group lists no operations: the client puts every unlisted operation in it.
      if (group === "standard") expect(rateLimits.standard!.operations).toBeUndefined();
      else expect(rateLimits[group]!.operations, key).toContain(key);
    }
    const groups = new Set(operations.map(({ operation }) => operation["x-rate-limit"].group as string));
    expect(Object.keys(rateLimits).sort()).toEqual([...groups].sort());
    // The overview page's categories (in the copy the fragments were imported from) reach the client as stated.
    const overviewFile = join(repoRoot, "openapi", "docs-pages", "api-reference", "overview.md");
    const overview = parseOverviewRateLimits(await readFile(overviewFile, "utf8"), overviewFile);
    for (const category of [overview.standard, ...overview.named].filter(({ group }) => groups.has(group)))
      expect(rateLimits[category.group], category.group).toEqual({
        limit: category.limit,
        windowMs: category.windowSeconds * 1000,
        ...(category.group === "standard" ? {} : { operations: expect.any(Array) }),
      });
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
    expect(first).toMatchObject({ cached: false, written: GENERATED_FILES });
    const second = await runBuild({ rootDir: root });
    expect(second).toMatchObject({ cached: true, written: [], timings: [] });
    // A cache hit repeats what the build that wrote the outputs said (here: operations no naming table names).
    expect(first.warnings.length).toBeGreaterThan(0);
    expect(second.warnings).toEqual(first.warnings);

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
