import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** tsx's loader: the CLI runs as `npm run spec:diff` runs it, `node --import tsx` (resolved from this repo). */
const TSX_LOADER = createRequire(import.meta.url).resolve("tsx");
const CLI = resolve("scripts/spec-diff.ts");
const run = promisify(execFile);

/** Runs `spec-diff` in `cwd`; resolves with its exit code and output instead of throwing on a non-zero exit. */
async function specDiff(
  cwd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", TSX_LOADER, CLI, ...args], {
      cwd,
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const response = (idType: string) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/v1/runs/{id}": {
      get: {
        operationId: "get_run",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": {
            description: "OK",
            content: {
              "application/json": { schema: { type: "object", properties: { id: { type: idType } } } },
            },
          },
        },
      },
    },
  },
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spec-diff-cli-"));
  await writeFile(join(dir, "old.json"), JSON.stringify(response("integer")));
  await writeFile(join(dir, "new.json"), JSON.stringify(response("string")));
  await writeFile(join(dir, "package.json"), JSON.stringify({ version: "0.3.1" }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm run spec:diff -- <old> <new>", () => {
  it("prints the grouped human report with the next version, and exits 1 with --fail-on-breaking", async () => {
    const { code, stdout } = await specDiff(dir, ["old.json", "new.json", "--fail-on-breaking"]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        "### API changes (semver: major)",
        "",
        "API changes: 1 breaking, 0 non-breaking.",
        "",
        "Next version: 0.3.1 → 0.4.0 (pre-1.0: the minor carries breaking changes).",
        "",
        "#### Breaking",
        "",
        "- `GET /v1/runs/{id}` (get_run)",
        "  - response 200 (application/json) `id`: type changed from integer to string",
        "",
      ].join("\n"),
    );
  });

  it("prints the machine report with --json and exits 0 without --fail-on-breaking", async () => {
    const { code, stdout } = await specDiff(dir, ["old.json", "new.json", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      bump: "major",
      counts: { breaking: 1, nonBreaking: 0, docs: 0 },
      changes: [
        {
          severity: "breaking",
          kind: "type-changed",
          operation: "GET /v1/runs/{id}",
          operationId: "get_run",
          location: "response 200 (application/json)",
          field: "id",
          message: "type changed from integer to string",
        },
      ],
    });
  });

  it("appends to CHANGELOG.md only with --changelog, and only once", async () => {
    await specDiff(dir, ["old.json", "new.json"]);
    await expect(readFile(join(dir, "CHANGELOG.md"), "utf8")).rejects.toMatchObject({ code: "ENOENT" });
    expect((await specDiff(dir, ["old.json", "new.json", "--changelog"])).stderr).toContain(
      'recorded under "Unreleased"',
    );
    expect((await specDiff(dir, ["old.json", "new.json", "--changelog"])).stderr).toContain(
      "already recorded",
    );
    const changelog = await readFile(join(dir, "CHANGELOG.md"), "utf8");
    expect(changelog.match(/type changed from integer to string/g)).toHaveLength(1);
  });

  it("exits 2 naming the file when a spec is missing or not JSON", async () => {
    await writeFile(join(dir, "broken.json"), "{ nope");
    const missing = await specDiff(dir, ["old.json", "absent.json"]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("spec:diff: absent.json: no such file");
    const broken = await specDiff(dir, ["old.json", "broken.json"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^spec:diff: broken\.json: not valid JSON: /);
    expect(broken.stderr).not.toContain("    at ");
  });
});

describe("npm run spec:diff (no files): committed spec vs working tree", () => {
  it("compares git HEAD's src/generated/openapi.json with the file on disk", async () => {
    const repo = join(dir, "repo");
    await mkdir(join(repo, "src/generated"), { recursive: true });
    const git = (...args: string[]) =>
      run("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", ...args], {
        cwd: repo,
      });
    await git("init", "-q");
    await writeFile(join(repo, "src/generated/openapi.json"), JSON.stringify(response("integer")));
    await git("add", ".");
    await git("commit", "-q", "-m", "spec");
    await writeFile(join(repo, "src/generated/openapi.json"), JSON.stringify(response("string")));
    const { code, stdout } = await specDiff(repo, ["--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      bump: "major",
      changes: [{ kind: "type-changed", field: "id" }],
    });
  });
});
