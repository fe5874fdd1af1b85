import createClient from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConfigurationError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from "../../src/errors.js";
import type { paths } from "../../src/generated/schema.js";
import { createHelpers } from "../../src/helpers/index.js";
import { startHarness, tested, withHelpers, type Harness } from "./fixtures.js";

let harness: Harness;
afterEach(() => harness?.fake.close());
const last = () => harness.fake.requests.at(-1)!;

describe("one-liners send the documented request and return the answer", () => {
  withHelpers("agentRuns.create")("agentRuns.create → POST …/agent/run with the body as given", async () => {
    harness = await startHarness();
    const run = await harness.helpers.agentRuns.create({ prompt: "Fix the bug", repo_id: 300, model: "x" });
    expect(run).toMatchObject({ status: "PENDING", organization_id: 1 });
    expect(last()).toMatchObject({
      route: "POST /v1/organizations/{org_id}/agent/run",
      url: "/v1/organizations/1/agent/run",
      body: { prompt: "Fix the bug", repo_id: 300, model: "x" },
    });
  });

  withHelpers(
    "agentRuns.get",
    "agentRuns.resume",
    "agentRuns.ban",
    "agentRuns.unban",
    "agentRuns.removeFromPr",
  )("agentRuns.get, resume, ban, unban and removeFromPr act on the run", async () => {
    harness = await startHarness();
    const { agentRuns } = harness.helpers;
    const id = harness.fake.addRun({ timeline: [{ at: 0, status: "COMPLETE" }] });

    expect(await agentRuns.get(id)).toMatchObject({ id, status: "COMPLETE" });
    expect(await agentRuns.resume({ agent_run_id: id, prompt: "Also add tests" })).toMatchObject({
      status: "RUNNING",
    });
    for (const [method, path] of [
      ["ban", "ban"],
      ["unban", "unban"],
      ["removeFromPr", "remove-from-pr"],
    ] as const) {
      expect(await agentRuns[method]({ agent_run_id: id })).toEqual({});
      expect(last()).toMatchObject({
        url: `/v1/organizations/1/agent/run/${path}`,
        body: { agent_run_id: id },
      });
    }
  });

  withHelpers("agentRuns.get")(
    "a helper taken off its namespace says how to call it instead of failing on `this`",
    async () => {
      harness = await startHarness();
      const { get } = harness.helpers.agentRuns;
      expect(() => get(1)).toThrow(/call it as client\.<namespace>\.<method>\(…\) or bind it/);
      expect(await get.bind(harness.helpers.agentRuns)(harness.fake.addRun({ timeline: [] }))).toMatchObject({
        organization_id: 1,
      });
    },
  );

  withHelpers("users.me", "users.get")("users.me, users.get; organizations, repositories", async () => {
    harness = await startHarness();
    expect(await harness.helpers.users.me()).toMatchObject({ id: 1000, github_username: "user0" });
    expect(await harness.helpers.users.get(1005)).toMatchObject({ id: 1005 });
    expect(last().url).toBe("/v1/organizations/1/users/1005");
  });

  withHelpers("pullRequests.edit")(
    "pullRequests.edit uses the RESTful endpoint with repoId and the simple one without",
    async () => {
      harness = await startHarness();
      const { pullRequests } = harness.helpers;

      expect(await pullRequests.edit(12, { state: "closed" }, { repoId: 301 })).toMatchObject({
        success: true,
      });
      expect(last()).toMatchObject({
        url: "/v1/organizations/1/repos/301/prs/12",
        body: { state: "closed" },
      });

      expect(await pullRequests.edit(12, { state: "draft" })).toMatchObject({
        success: true,
        state: "draft",
      });
      expect(last()).toMatchObject({ url: "/v1/organizations/1/prs/12", body: { state: "draft" } });
    },
  );

  withHelpers("setupCommands.generate", "sandbox.analyzeLogs")(
    "setupCommands.generate and sandbox.analyzeLogs start agent runs",
    async () => {
      harness = await startHarness();
      expect(
        await harness.helpers.setupCommands.generate({ repo_id: 300, trigger_source: "setup-commands" }),
      ).toMatchObject({ status: "ACTIVE" });
      expect(last().body).toEqual({ repo_id: 300, trigger_source: "setup-commands" });
      expect(await harness.helpers.sandbox.analyzeLogs(88)).toMatchObject({
        message: "Analyzing sandbox 88",
      });
      expect(last().url).toBe("/v1/organizations/1/sandbox/88/analyze-logs");
    },
  );

  withHelpers("integrations.get", "cliRules.get")("integrations.get, cliRules.get", async () => {
    harness = await startHarness();
    expect(await harness.helpers.integrations.get()).toMatchObject({ total_active_integrations: 1 });
    expect(await harness.helpers.cliRules.get()).toMatchObject({ organization_rules: "Write tests first." });
    expect(last().url).toBe("/v1/organizations/1/cli/rules");
  });

  withHelpers("checkSuiteSettings.update", "checkSuiteSettings.get")(
    "checkSuiteSettings.update then get round-trips through ?repo_id",
    async () => {
      harness = await startHarness();
      const { checkSuiteSettings } = harness.helpers;
      await checkSuiteSettings.update(302, { check_retry_count: 3, ignored_checks: ["lint"] });
      expect(last().url).toBe("/v1/organizations/1/repos/check-suite-settings?repo_id=302");
      expect(await checkSuiteSettings.get(302)).toMatchObject({
        check_retry_count: 3,
        ignored_checks: ["lint"],
      });
    },
  );

  withHelpers("slackConnect.generateToken")(
    "slackConnect.generateToken sends the organization in the body",
    async () => {
      harness = await startHarness();
      expect(await harness.helpers.slackConnect.generateToken()).toMatchObject({ expires_in_minutes: 10 });
      expect(last().body).toEqual({ org_id: 1 });
    },
  );

  withHelpers("oauthTokens.status", "oauthTokens.revoke")(
    "oauthTokens.status and revoke send the organization in the query",
    async () => {
      harness = await startHarness();
      expect(await harness.helpers.oauthTokens.status()).toEqual([{ provider: "linear", active: true }]);
      expect(last().url).toBe("/v1/oauth/tokens/status?org_id=1");
      await harness.helpers.oauthTokens.revoke("linear");
      expect(last().url).toBe("/v1/oauth/tokens/revoke?provider=linear&org_id=1");
    },
  );

  withHelpers("mcpProviders.list")("mcpProviders.list", async () => {
    harness = await startHarness();
    expect(await harness.helpers.mcpProviders.list()).toMatchObject([{ name: "linear", is_mcp: true }]);
  });
});

describe("options every helper takes", () => {
  withHelpers("cliRules.get")("orgId in the call overrides the client's", async () => {
    harness = await startHarness({ clientOrgId: 7 });
    await expect(harness.helpers.cliRules.get()).rejects.toThrow("403");
    await harness.helpers.cliRules.get({ orgId: 1 });
    expect(last().url).toBe("/v1/organizations/1/cli/rules");
  });

  withHelpers("agentRuns.get")("without any orgId, says how to set one and sends nothing", async () => {
    harness = await startHarness();
    const helpers = tested(createHelpers({ api: harness.core.api, orgId: undefined }));
    expect(() => helpers.agentRuns.get(1)).toThrow(ConfigurationError);
    expect(() => helpers.agentRuns.get(1)).toThrow(/pass `orgId`/);
    expect(harness.fake.requests).toHaveLength(0);
  });

  withHelpers("users.me")(
    "passes signal, timeout and maxRetries to the request; leaves unset ones out",
    async () => {
      harness = await startHarness();
      const seen: Request[] = [];
      const api = createClient<paths>({
        baseUrl: harness.fake.url,
        headers: { Authorization: "Bearer test" },
        fetch: (request: Request) => {
          seen.push(request);
          return fetch(request);
        },
      });
      const helpers = tested(createHelpers({ api, orgId: 1 }));
      const controller = new AbortController();

      await helpers.users.me({ signal: controller.signal, timeout: 1234, maxRetries: 0 });
      await helpers.users.me();

      expect(seen[0]).toMatchObject({ timeout: 1234, maxRetries: 0 });
      controller.abort();
      expect(seen[0]!.signal.aborted).toBe(true);
      expect("timeout" in seen[1]!).toBe(false);
    },
  );
});

describe("typed errors", () => {
  withHelpers("users.me")(
    "a wrong token is an AuthenticationError that does not echo the token",
    async () => {
      harness = await startHarness({ clientToken: "sk-secret-123" });
      const error = await harness.helpers.users.me().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(JSON.stringify(error) + String(error)).not.toContain("sk-secret-123");
    },
  );

  withHelpers("agentRuns.get")(
    "a missing run is a NotFoundError with Codegen's message and the operation",
    async () => {
      harness = await startHarness();
      const error = await harness.helpers.agentRuns.get(999).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({
        message: "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}: 404 Agent run not found.",
        operation: { method: "GET", path: "/v1/organizations/{org_id}/agent/run/{agent_run_id}" },
      });
    },
  );

  withHelpers("agentRuns.create")("a 422 is a ValidationError listing where validation failed", async () => {
    harness = await startHarness();
    const { create } = harness.helpers.agentRuns;
    // The body misses the required prompt: cast, as the types rightly refuse it.
    const body = { repo_id: 1 } as unknown as Parameters<typeof create>[0];
    const error = await harness.helpers.agentRuns.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([
      { loc: ["body", "prompt"], msg: "Field required", type: "missing" },
    ]);
  });

  withHelpers("agentRuns.create")("a 429 is a RateLimitError with Retry-After in ms", async () => {
    harness = await startHarness();
    harness.fake.failNext("POST /v1/organizations/{org_id}/agent/run", 429, {
      headers: { "retry-after": "12" },
    });
    const error = await harness.helpers.agentRuns.create({ prompt: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(12_000);
  });
});
