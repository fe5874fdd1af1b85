import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildDistIfStale } from "../../scripts/lib/spec/dist-step.js";
import { withHelpers, withOperations } from "../fixtures/operations.js";
import { startFakeApi, type FakeApi, type RunScript } from "../servers/fake-api.js";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "dist/cli/index.js");
const TOKEN = "cli-secret-token-5e1f";

beforeAll(async () => {
  await buildDistIfStale(root);
}, 180_000);

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command; `onStderr` sees stderr as it grows (e.g. to send SIGINT once it waits). */
function cli(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    stdin?: string;
    onStderr?: (text: string, child: ReturnType<typeof spawn>) => void;
  } = {},
): Promise<Result> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    CODEGEN_API_TOKEN: TOKEN,
    ...(api && { CODEGEN_API_BASE_URL: api.url }),
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, [bin, ...args], { env: env as NodeJS.ProcessEnv });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    options.onStderr?.(stderr, child);
  });
  child.stdin.end(options.stdin ?? "");
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

const quickRun = (final: string): RunScript => ({
  timeline: [
    { at: 0, status: "PENDING" },
    { at: 100, status: "RUNNING" },
    { at: 400, status: final },
  ],
  logs: [
    { at: 50, message_type: "PLAN_EVALUATION", thought: "Reading the repository" },
    { at: 300, message_type: "FINAL_ANSWER", thought: "Done" },
  ],
  result: "All good.",
  pullRequests: [{ id: 7, title: "Fix", url: "https://github.com/acme/app/pull/7", head_branch_name: "fix" }],
});

async function fake(final = "COMPLETE") {
  api = await startFakeApi({ token: TOKEN, scriptForNewRun: () => quickRun(final) });
  return api;
}

const withOrg = { CODEGEN_ORG_ID: "1" };
const expectNoToken = (result: Result) => {
  expect(result.stdout).not.toContain(TOKEN);
  expect(result.stderr).not.toContain(TOKEN);
};

describe("codegen-api run", () => {
  it("creates a run, prints its id, exits 0 without waiting", async () => {
    await fake();
    const result = await cli(["run", "Fix", "the", "bug", "--verbose"], { env: withOrg });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+$/);
    expect(api!.requests.find((r) => r.route.startsWith("POST"))?.body).toMatchObject({
      prompt: "Fix the bug",
    });
    expectNoToken(result);
  });

  it("reads the prompt from stdin with -", async () => {
    await fake();
    const result = await cli(["run", "-"], { env: withOrg, stdin: "From stdin\n" });
    expect(result.code).toBe(0);
    expect(api!.requests.find((r) => r.route.startsWith("POST"))?.body).toMatchObject({
      prompt: "From stdin",
    });
  });

  it("--wait --json prints exactly the final run and exits 0 when it is COMPLETE", async () => {
    await fake();
    const result = await cli(["run", "go", "--wait", "--json", "--verbose"], { env: withOrg });
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.status).toBe("COMPLETE");
    expect(run.github_pull_requests[0].url).toBe("https://github.com/acme/app/pull/7");
    expectNoToken(result);
  });

  it.each([
    ["ERROR", 1],
    ["CANCELLED", 1],
    ["PAUSED", 5],
  ])("exits with the run's outcome: %s → %i", async (final, code) => {
    await fake(final);
    const result = await cli(["run", "go", "--wait"], { env: withOrg });
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(final);
    expectNoToken(result);
  });

  it("--follow --json prints one JSON object per log entry, then the final run", async () => {
    await fake();
    const result = await cli(["run", "go", "--follow", "--json"], { env: withOrg });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    const logs = lines.slice(0, 2).map((line) => JSON.parse(line));
    expect(logs.map((log) => log.message_type)).toEqual(["PLAN_EVALUATION", "FINAL_ANSWER"]);
    expect(JSON.parse(lines.slice(2).join("\n")).status).toBe("COMPLETE");
  });

  it("exits 4 when --timeout elapses", async () => {
    api = await startFakeApi({
      token: TOKEN,
      scriptForNewRun: () => ({ timeline: [{ at: 0, status: "RUNNING" }] }),
    });
    const result = await cli(["run", "go", "--wait", "--timeout", "1s"], { env: withOrg });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/RUNNING/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("Ctrl-C stops waiting, says how to follow again, and exits 130", async () => {
    api = await startFakeApi({
      token: TOKEN,
      scriptForNewRun: () => ({ timeline: [{ at: 0, status: "RUNNING" }] }),
    });
    let sent = false;
    const result = await cli(["run", "go", "--wait"], {
      env: withOrg,
      onStderr: (text, child) => {
        if (!sent && text.includes("waiting for run")) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/the run goes on\. Follow it again: codegen-api runs logs \d+ --follow/);
  });

  it("shows a live status line on a terminal and plain lines otherwise", async () => {
    await fake();
    const tty = await cli(["run", "go", "--wait"], { env: { ...withOrg, CODEGEN_CLI_FORCE_TTY: "1" } });
    expect(tty.stderr).toContain("\r\x1b[2Kstatus: ");
    await api!.close();
    await fake();
    const pipe = await cli(["run", "go", "--wait"], { env: withOrg });
    expect(pipe.stderr).not.toContain("\x1b[");
    expect(pipe.stderr).toMatch(/^status: COMPLETE \(\d+s\)$/m);
  });

  it("in GitHub Actions, groups the logs, reports failure as ::error:: and writes the job summary", async () => {
    await fake("FAILED");
    const summary = join(mkdtempSync(join(tmpdir(), "cli-")), "summary.md");
    writeFileSync(summary, "");
    const result = await cli(["run", "go", "--follow"], {
      env: { ...withOrg, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::group::Codegen agent run \d+ logs$/m);
    expect(result.stdout).toMatch(/^::endgroup::$/m);
    expect(result.stderr).toMatch(/^::error::run \d+ ended with status FAILED$/m);
    const text = readFileSync(summary, "utf8");
    expect(text).toContain("Status: **FAILED**");
    expect(text).toMatch(/Web: https:\/\/codegen\.com\/agent\/trace\/\d+/);
    await api!.close();
    await fake("COMPLETE");
    const ok = await cli(["run", "go", "--wait"], {
      env: { ...withOrg, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary },
    });
    expect(ok.code).toBe(0);
    const both = readFileSync(summary, "utf8");
    expect(both).toContain("Status: **COMPLETE**");
    expect(both).toContain("All good.");
    expect(both).toContain("[Fix](https://github.com/acme/app/pull/7)");
  });
});

describe("configuration and API errors", () => {
  it("exits 2 without a token, and never takes one as a flag", async () => {
    await fake();
    const missing = await cli(["runs", "list"], { env: { CODEGEN_API_TOKEN: undefined, ...withOrg } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("CODEGEN_API_TOKEN");
    const flag = await cli(["runs", "list", `--token=${TOKEN}`], { env: withOrg });
    expect(flag.code).toBe(2);
    expectNoToken(flag);
  });

  it("exits 2 on a bad flag, a bad --timeout, or no organization among several", async () => {
    await fake();
    expect((await cli(["runs", "list", "--nope"], { env: withOrg })).code).toBe(2);
    expect((await cli(["run", "go", "--wait", "--timeout", "soon"], { env: withOrg })).code).toBe(2);
    const noOrg = await cli(["runs", "list"]);
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain("--org-id");
  });

  withHelpers("organizations.list", "agentRuns.list")(
    "uses the token's only organization when none is given",
    async () => {
      api = await startFakeApi({ token: TOKEN, orgId: 1, counts: { organizations: 1, agentRuns: 3 } });
      const result = await cli(["runs", "list", "--json"]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toHaveLength(3);
    },
  );

  it("exits 3 with the typed error's message on an API error, token absent, no stack trace", async () => {
    await fake();
    const result = await cli(["runs", "get", "999999", "--verbose"], { env: withOrg });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/GET \/v1\/organizations\/\{org_id\}\/agent\/run\/\{agent_run_id\}: 404/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expectNoToken(result);
    const wrongToken = await cli(["runs", "get", "1"], { env: { CODEGEN_API_TOKEN: "wrong", ...withOrg } });
    expect(wrongToken.code).toBe(3);
  });

  it("exits 3 on a connection error", async () => {
    const result = await cli(["runs", "get", "1"], {
      env: { CODEGEN_API_BASE_URL: "http://127.0.0.1:1", ...withOrg },
    });
    expect(result.code).toBe(3);
    expectNoToken(result);
  });
});

describe("other commands", () => {
  withHelpers(
    "agentRuns.create",
    "agentRuns.get",
    "agentRuns.logs",
  )("runs get / logs print text and --json", async () => {
    await fake();
    const created = await cli(["run", "go", "--wait"], { env: withOrg });
    const id = /run (\d+)/.exec(created.stdout)![1]!;
    const got = await cli(["runs", "get", id, "--json"], { env: withOrg });
    expect(JSON.parse(got.stdout).id).toBe(Number(id));
    const logs = await cli(["runs", "logs", id], { env: withOrg });
    expect(logs.stdout).toContain("FINAL_ANSWER");
  });

  withHelpers("users.me")("whoami --json prints the token's user", async () => {
    await fake();
    const whoami = await cli(["whoami", "--json"]);
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ id: 1000 });
  });

  withHelpers(
    "organizations.list",
    "repositories.list",
    "users.list",
  )("orgs / repos / users list print text and --json", async () => {
    await fake();
    const orgs = await cli(["orgs", "list", "--json"]);
    expect(JSON.parse(orgs.stdout)).toHaveLength(105);
    const repos = await cli(["repos", "list", "--limit", "5"], { env: withOrg });
    expect(repos.stdout.trim().split("\n")).toHaveLength(5);
    const users = await cli(["users", "list", "--json", "--limit", "3"], { env: withOrg });
    expect(JSON.parse(users.stdout)).toHaveLength(3);
  });

  it("runs resume sends the prompt to the paused run", async () => {
    await fake("PAUSED");
    const created = await cli(["run", "go"], { env: withOrg });
    const id = created.stdout.trim();
    const result = await cli(["runs", "resume", id, "carry", "on"], { env: withOrg });
    expect(result.code).toBe(0);
    expect(api!.requests.find((r) => r.route.endsWith("/resume"))?.body).toMatchObject({
      agent_run_id: Number(id),
      prompt: "carry on",
    });
  });

  withOperations("createAgentRun", "getAgentRun")(
    "api fills path params from -f and rejects undocumented paths",
    async () => {
      await fake();
      const created = await cli(["run", "go"], { env: withOrg });
      const id = created.stdout.trim();
      const result = await cli(
        ["api", "GET", "/v1/organizations/{org_id}/agent/run/{agent_run_id}", "-f", `agent_run_id=${id}`],
        { env: withOrg },
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).id).toBe(Number(id));
      const undocumented = await cli(["api", "GET", "/v1/nope"], { env: withOrg });
      expect(undocumented.code).toBe(2);
      expect(undocumented.stderr).toContain("not a documented operation");
    },
  );

  withOperations("getUsers")("api sends the -f fields a GET's path does not take as its query", async () => {
    await fake();
    const listed = await cli(["api", "GET", "/v1/organizations/1/users", "-f", "limit=2"]);
    expect(JSON.parse(listed.stdout).items).toHaveLength(2);
    expect(api!.requests.at(-1)!.url).toContain("limit=2");
  });

  it.each([
    [[]],
    [["run"]],
    [["runs", "list"]],
    [["runs", "get"]],
    [["runs", "resume"]],
    [["runs", "logs"]],
    [["whoami"]],
    [["orgs", "list"]],
    [["repos", "list"]],
    [["users", "list"]],
    [["api"]],
  ])("%j --help prints usage and the exit codes without a token", async (command) => {
    const result = await cli([...command, "--help"], { env: { CODEGEN_API_TOKEN: undefined } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: codegen-api");
    expect(result.stdout).toContain("5    the run is PAUSED");
  });
});
