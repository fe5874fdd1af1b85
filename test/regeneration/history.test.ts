import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildError } from "../../scripts/lib/spec/errors.js";
import { runBuild } from "../../scripts/lib/spec/pipeline.js";
import type { SurfaceReport } from "../../scripts/lib/spec/render-helpers.js";
import { importDocs } from "../../scripts/lib/import/import-docs.js";

/**
 * A synthetic history of Codegen's docs, replayed the way the docs-sync workflow meets it: each step changes a
 * copy of the pinned docs, then runs `docs:import`, `npm run build` (which type-checks and bundles src/ with the
 * regenerated code) and the package's spec-driven tests, in a scratch copy of this project, with no hand edit.
 * Steps build on each other, as releases do.
 */
const repo = join(import.meta.dirname, "../..");
const FIXTURE_DOCS = join(repo, "test/fixtures/codegen-docs");
const VARIANTS = join(repo, "test/fixtures/docs-variants");

let scratch: string;
let docs: string;
let lastBuild: { warnings: string[]; log: string[] };

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "codegen-history-"));
  for (const entry of [
    "package.json",
    "tsconfig.json",
    "redocly.yaml",
    ".prettierrc.json",
    "vitest.config.ts",
  ])
    await cp(join(repo, entry), join(scratch, entry));
  for (const dir of ["openapi", "src", "scripts"])
    await cp(join(repo, dir), join(scratch, dir), { recursive: true });
  await cp(join(repo, "README.md"), join(scratch, "README.md"));
  await cp(join(repo, "CHANGELOG.md"), join(scratch, "CHANGELOG.md"));
  // The package's tests that follow the spec (they name no operation), run after every step.
  await cp(join(repo, "test/helpers/surface.test.ts"), join(scratch, "test/helpers/surface.test.ts"));
  await symlink(join(repo, "node_modules"), join(scratch, "node_modules"), "dir");
  docs = join(scratch, "docs");
  await cp(FIXTURE_DOCS, docs, { recursive: true });
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Lays a docs-variants overlay (changed pages, maybe a new index) over the working copy of the docs. */
async function overlay(variant: string): Promise<void> {
  await cp(join(VARIANTS, variant), docs, {
    recursive: true,
    filter: (source) => !/expected\.(json|md)$/.test(source),
  });
}

async function editPage(page: string, edit: (text: string) => string): Promise<void> {
  const file = join(docs, page);
  const before = await readFile(file, "utf8");
  const after = edit(before);
  expect(after, `the edit of ${page} changed nothing`).not.toBe(before);
  await writeFile(file, after);
}

/** Adds a page (a copy of an existing one, edited) to the docs and links it from the index. */
async function addPage(from: string, to: string, title: string, edit: (text: string) => string) {
  await cp(join(docs, from), join(docs, to));
  await editPage(to, edit);
  const index = join(docs, "llms.txt");
  await writeFile(
    index,
    `${(await readFile(index, "utf8")).trimEnd()}\n- [${title}](https://docs.codegen.com/${to})\n`,
  );
}

async function unlinkPage(title: string): Promise<void> {
  const index = join(docs, "llms.txt");
  const text = await readFile(index, "utf8");
  const without = text.replace(new RegExp(`^- \\[${title}\\].*\\n`, "m"), "");
  expect(without).not.toBe(text);
  await writeFile(index, without);
}

/** docs:import then build, in the scratch project, as the workflow runs them. */
async function regenerate(): Promise<void> {
  await importDocs({ source: docs, outDir: join(scratch, "openapi") });
  const log: string[] = [];
  const result = await runBuild({ rootDir: scratch, cache: false, log: (line) => log.push(line) });
  lastBuild = { warnings: result.warnings, log };
}

async function surface(): Promise<SurfaceReport> {
  return JSON.parse(await readFile(join(scratch, "src/generated/surface.json"), "utf8")) as SurfaceReport;
}

const changelog = () => readFile(join(scratch, "CHANGELOG.md"), "utf8");

async function packageTestsPass(): Promise<void> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(repo, "node_modules/vitest/vitest.mjs"), "run", "--reporter=dot"],
    { cwd: scratch, env: { ...process.env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "0" } },
  );
  expect(stdout).toMatch(/Tests\s+\S*\d+ passed/);
}

/**
 * The TypeScript errors in the package's own test files (all of test/, as committed) when checked against the
 * scratch project's regenerated code, as `vitest --typecheck` and `tsc` would report them. Errors elsewhere (src/,
 * scripts/) are not the tests' to prevent. The copied tests are removed afterwards: later steps run only the
 * spec-driven ones.
 */
async function testFileTypeErrors(): Promise<string[]> {
  await cp(join(repo, "test"), join(scratch, "test"), { recursive: true });
  await writeFile(
    join(scratch, "tsconfig.test-files.json"),
    JSON.stringify({ extends: "./tsconfig.json", include: ["test"] }),
  );
  try {
    const output = await promisify(execFile)(
      process.execPath,
      [
        join(repo, "node_modules/typescript/bin/tsc"),
        "--noEmit",
        "--pretty",
        "false",
        "-p",
        "tsconfig.test-files.json",
      ],
      { cwd: scratch },
    ).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string; stderr?: string }) => {
        // tsc exits 2 with its diagnostics on stdout; anything else is a failure to run it.
        if (!/error TS\d+/.test(error.stdout ?? "")) throw error;
        return error.stdout!;
      },
    );
    return output.split("\n").filter((line) => line.startsWith("test/"));
  } finally {
    await rm(join(scratch, "test"), { recursive: true, force: true });
    await rm(join(scratch, "tsconfig.test-files.json"));
    await cp(join(repo, "test/helpers/surface.test.ts"), join(scratch, "test/helpers/surface.test.ts"));
  }
}

/** Every generated output and the built dist/, as bytes, to show that a failed build touched none of them. */
async function outputs(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of ["src/generated", "dist", "openapi"])
    for (const entry of await readdir(join(scratch, dir), { recursive: true, withFileTypes: true }))
      if (entry.isFile())
        files.set(
          join(entry.parentPath, entry.name),
          await readFile(join(entry.parentPath, entry.name), "utf8"),
        );
  for (const file of ["README.md", "CHANGELOG.md"])
    files.set(file, await readFile(join(scratch, file), "utf8"));
  return files;
}

describe("the docs change, the package regenerates with no hand edit", () => {
  it("the pinned docs build as committed", async () => {
    await regenerate();
    expect(await surface()).toEqual(
      JSON.parse(await readFile(join(repo, "src/generated/surface.json"), "utf8")),
    );
  });

  it("a page added: typed helper under its default name, a PagedList when it pages; the report says added", async () => {
    await overlay("page-added");
    await addPage(
      "api-reference/users/get-users.md",
      "api-reference/users/list-teammates.md",
      "List Teammates",
      (text) =>
        text
          .replaceAll("/v1/organizations/{org_id}/users", "/v1/organizations/{org_id}/teammates")
          .replaceAll("Get Users", "List Teammates"),
    );
    await regenerate();
    const { helpers } = await surface();
    expect(helpers["agents.deleteAgentRun"]?.signature).toBe(
      'deleteAgentRun(agentRunId: number, options?: RequestOptions): Promise<OperationResponse<"deleteAgentRun">>',
    );
    expect(helpers["users.listTeammates"]?.signature).toMatch(/: PagedList<UserPage, User>$/);
    expect(lastBuild.warnings.join("\n")).toMatch(
      /\(deleteAgentRun\) is new: its helper is `agents\.deleteAgentRun`/,
    );
    expect(await changelog()).toMatch(/helper `users\.listTeammates`: added/);
    await packageTestsPass();
  });

  it("a page removed: its helper and types are gone, reported as breaking, the entry flagged", async () => {
    await unlinkPage("Get Mcp Providers");
    await regenerate();
    const report = await surface();
    expect(report.helpers["mcpProviders.list"]).toBeUndefined();
    expect(report.types.McpProvider).toBeUndefined();
    expect(lastBuild.warnings.join("\n")).toMatch(
      /entry "getMcpProviders" names no operation.*delete the entry/,
    );
    const log = lastBuild.log.join("\n");
    expect(log).toMatch(/\*\*breaking\*\* helper `mcpProviders\.list`: removed/);
    expect(log).toMatch(/\*\*breaking\*\* type `McpProvider`: removed/);
    await packageTestsPass();
  });

  it("an operation moved to another path under the same name: the same call, the report says the path changed", async () => {
    const before = (await surface()).helpers["checkSuiteSettings.get"]!;
    await editPage("api-reference/repositories/get-check-suite-settings.md", (text) =>
      text
        .replaceAll("/repos/check-suite-settings", "/repos/{repo_id}/check-suite/settings")
        .replace(/path: \{\}\n(\s+)query:\n(\s+repo_id:\n(?:\s{10,}.*\n)+)/, "path:\n$2$1query: {}\n"),
    );
    await regenerate();
    const after = (await surface()).helpers["checkSuiteSettings.get"]!;
    expect(after.signature).toBe(before.signature);
    expect(lastBuild.log.join("\n")).toMatch(
      /helper `checkSuiteSettings\.get`: path changed from `GET \/v1\/organizations\/\{org_id\}\/repos\/check-suite-settings` to `GET \/v1\/organizations\/\{org_id\}\/repos\/\{repo_id\}\/check-suite\/settings`/,
    );
    await packageTestsPass();
  });

  it("a schema renamed: the type users write keeps its name, nothing is breaking for helper users", async () => {
    await editPage("api-reference/users/get-user.md", (text) =>
      text.replaceAll("UserResponse", "UserDetails"),
    );
    await regenerate();
    const report = await surface();
    expect(report.types.User).toBe("getUser response");
    expect(report.helpers["users.get"]!.signature).toMatch(/: Promise<User>$/);
    expect(lastBuild.log.join("\n")).not.toMatch(/\*\*breaking\*\* (helper|type)/);
    expect(lastBuild.log.join("\n")).not.toMatch(/\*\*breaking\*\* (helper|type)/);
    await packageTestsPass();
  });

  it("operations the tests called dropped, schemas the type tests named renamed: every test file still type-checks", async () => {
    await unlinkPage("Get Current User Info");
    await unlinkPage("Get Users");
    for (const page of ["create-agent-run", "get-agent-run", "list-agent-runs", "resume-agent-run"])
      await editPage(`api-reference/agents/${page}.md`, (text) =>
        text.replaceAll("AgentRunResponse", "AgentRunOut").replaceAll("CreateAgentRunInput", "AgentRunInput"),
      );
    await regenerate();
    const report = await surface();
    expect(report.operations).not.toHaveProperty("getCurrentUserInfo");
    expect(report.operations).not.toHaveProperty("getUsers");
    const schemas = Object.keys(
      (
        JSON.parse(await readFile(join(scratch, "src/generated/openapi.json"), "utf8")) as {
          components: { schemas: Record<string, unknown> };
        }
      ).components.schemas,
    );
    expect(schemas).toContain("AgentRunOut");
    expect(schemas).not.toContain("CreateAgentRunInput");
    expect(await testFileTypeErrors()).toEqual([]);
    await packageTestsPass();
  }, 90_000);

  it("a new required parameter reaches the helper, and the changed signature is reported as breaking", async () => {
    await overlay("new-required-parameter");
    await regenerate();
    const { signature } = (await surface()).helpers["agentRuns.list"]!;
    expect(signature).toMatch(/^list\(query: ListAgentRunsQuery,/);
    expect(lastBuild.log.join("\n")).toMatch(/\*\*breaking\*\* helper `agentRuns\.list`: signature changed/);
    await packageTestsPass();
  });

  it("a new page with {org_id} in its path and no org_id parameter builds, the organization filled in", async () => {
    await addPage(
      "api-reference/cli-rules/get-cli-rules.md",
      "api-reference/cli-rules/get-cli-rule-sets.md",
      "Get Cli Rule Sets",
      (text) =>
        text
          .replaceAll("/cli/rules", "/cli/rule-sets")
          .replaceAll("Get Cli Rules", "Get Cli Rule Sets")
          .replace(
            "      path:\n        org_id:\n          schema:\n            - type: integer\n              required: true\n              title: Org Id\n",
            "      path: {}\n",
          ),
    );
    await regenerate();
    expect((await surface()).helpers["cliRules.getCliRuleSets"]?.signature).toBe(
      "getCliRuleSets(options?: RequestOptions): Promise<CliRules>",
    );
    await packageTestsPass();
  });

  it("a stale example (the field's type changed, the example did not) is dropped and reported, not a failure", async () => {
    await editPage("api-reference/repositories/get-repositories.md", (text) =>
      text.replace(/(github_id:\n(\s+)type:) string/, "$1 integer"),
    );
    await regenerate();
    expect(lastBuild.warnings.join("\n")).toMatch(/get-repositories\.yaml.*example/i);
    await packageTestsPass();
  });

  it("after all of it, every operation and every helper of the new spec passes the contract tests (Prism)", async () => {
    for (const file of ["prism.test.ts", "synthesize.ts"])
      await cp(join(repo, "test/contract", file), join(scratch, "test/contract", file));
    await packageTestsPass();
  }, 120_000);

  it("the page a hand-written helper needs removed: a clear failure naming it, every output left intact", async () => {
    const before = await outputs();
    await unlinkPage("Get Agent Run");
    await importDocs({ source: docs, outDir: join(scratch, "openapi") });
    const fragments = await outputs();
    const failure = await runBuild({ rootDir: scratch, cache: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as BuildError).message).toMatch(
      /^src\/helpers\/wait\.ts \(GET \/v1\/organizations\/\{org_id\}\/agent\/run\/\{agent_run_id\}\): waitForAgentRun calls the operation getAgentRun, which the docs no longer document/,
    );
    const after = await outputs();
    for (const [file, content] of before)
      if (!file.includes("/openapi/")) expect(after.get(file), file).toBe(content);
    expect(after).toEqual(fragments);
  });
});
