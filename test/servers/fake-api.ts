/**
 * A stateful fake of the Codegen API for the helper tests and the wait benchmark: node:http on 127.0.0.1,
 * port 0. Runs follow a scripted timeline on the fake's clock (inject a virtual clock to simulate a
 * ten-minute run in milliseconds), logs appear as their time comes, lists span several pages of 100, every
 * request needs `Authorization: Bearer <token>`, and errors come in Codegen's shapes (`{message,
 * status_code}`, 422 `{detail: [...]}`). Every request is recorded with the clock's time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeClock {
  now(): number;
}

/** One scripted agent run; `at` values are ms since the run was created. */
export interface RunScript {
  /** Statuses in time order; the first applies from creation on. */
  timeline: { at: number; status: string | null }[];
  logs?: { at: number; message_type: string; thought?: string; tool_name?: string }[];
  result?: string;
  /** Pull requests shown once the run is COMPLETE. */
  pullRequests?: { id: number; title: string; url: string; head_branch_name: string }[];
  userId?: number;
  sourceType?: string;
}

export interface RecordedRequest {
  /** "METHOD /path/{template}", e.g. "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}". */
  route: string;
  url: string;
  /** The fake clock's time when the request arrived. */
  at: number;
  body: unknown;
}

export interface FakeApiOptions {
  token?: string;
  /** The organization the token can access. Default 1. */
  orgId?: number;
  clock?: FakeClock;
  /** Seeded list sizes. Defaults: organizations 105, users 250, repositories 230, agent runs 0. */
  counts?: { organizations?: number; users?: number; repositories?: number; agentRuns?: number };
  /** Script for runs created through the API. Default: PENDING, RUNNING at 2 s, COMPLETE at 60 s. */
  scriptForNewRun?: (body: Record<string, unknown>) => RunScript;
  /** Called after each answer is sent, e.g. to change state between two polls. */
  onResponse?: (request: RecordedRequest, status: number, body: unknown) => void;
  /** The server closes itself after this long even if a test forgets to. Default 5 min. */
  lifetimeMs?: number;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  addRun(script: RunScript): number;
  /** Adds a log entry to a run, visible from `at` ms after the run's creation. */
  appendLog(runId: number, log: NonNullable<RunScript["logs"]>[number]): void;
  /** Answers the next `times` requests to `route` with `status` (Codegen's body for it) and `headers`. */
  failNext(
    route: string,
    status: number,
    options?: { times?: number; headers?: Record<string, string> },
  ): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

interface Run extends RunScript {
  id: number;
  organizationId: number;
  createdAt: number;
  banned: boolean;
}

interface Context {
  params: Record<string, number>;
  query: URLSearchParams;
  body: Json;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const messages: Record<number, string> = {
  400: "Bad request.",
  401: "Invalid or missing API token.",
  402: "Agent run limit reached for your plan.",
  403: "You do not have access to this organization.",
  404: "Not found.",
  429: "Rate limit exceeded. Please try again later.",
  500: "Internal server error.",
  502: "Bad gateway.",
  503: "Service unavailable.",
};

const codegenError = (status: number, message = messages[status] ?? "Error.") =>
  new HttpError(status, { message, status_code: status });

const fieldMissing = (loc: (string | number)[]) =>
  new HttpError(422, { detail: [{ loc, msg: "Field required", type: "missing" }] });

const defaultScript = (): RunScript => ({
  timeline: [
    { at: 0, status: "PENDING" },
    { at: 2_000, status: "RUNNING" },
    { at: 60_000, status: "COMPLETE" },
  ],
  logs: [
    { at: 5_000, message_type: "PLAN_EVALUATION", thought: "Reading the repository" },
    { at: 20_000, message_type: "ACTION", tool_name: "ripgrep_search", thought: "Finding the function" },
    { at: 40_000, message_type: "ACTION", tool_name: "file_write", thought: "Adding error handling" },
    { at: 59_000, message_type: "FINAL_ANSWER", thought: "Opened a pull request" },
  ],
  result: "Added error handling and opened a pull request.",
  pullRequests: [
    {
      id: 77,
      title: "Add error handling",
      url: "https://github.com/acme/app/pull/77",
      head_branch_name: "codegen/errors",
    },
  ],
});

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const token = options.token ?? "test";
  const orgId = options.orgId ?? 1;
  const clock = options.clock ?? { now: () => Date.now() };
  const counts = { organizations: 105, users: 250, repositories: 230, agentRuns: 0, ...options.counts };
  const scriptForNewRun = options.scriptForNewRun ?? defaultScript;
  const requests: RecordedRequest[] = [];
  const faults: { route: string; status: number; times: number; headers: Record<string, string> }[] = [];
  const runs = new Map<number, Run>();
  const checkSuiteSettings = new Map<number, Json>();
  let nextRunId = 5000;

  const iso = (ms: number) => new Date(ms).toISOString();
  const organizations = Array.from({ length: counts.organizations }, (_, i) => ({
    id: i + 1,
    name: `Org ${i + 1}`,
    settings: { enable_pr_creation: true, enable_rules_detection: i % 2 === 0 },
  }));
  const users = Array.from({ length: counts.users }, (_, i) => ({
    id: 1000 + i,
    email: `user${i}@example.com`,
    github_user_id: String(9000 + i),
    github_username: `user${i}`,
    avatar_url: null,
    full_name: `User ${i}`,
    role: i === 0 ? "ADMIN" : "MEMBER",
    is_admin: i === 0,
  }));
  const repositories = Array.from({ length: counts.repositories }, (_, i) => ({
    id: 300 + i,
    name: `repo-${i}`,
    full_name: `acme/repo-${i}`,
    description: null,
    github_id: String(70000 + i),
    organization_id: orgId,
    visibility: "PRIVATE",
    archived: false,
    setup_status: "COMPLETE",
    language: "TypeScript",
  }));

  function addRun(script: RunScript, organizationId = orgId): number {
    const id = nextRunId++;
    runs.set(id, { ...script, id, organizationId, createdAt: clock.now(), banned: false });
    return id;
  }
  for (let i = 0; i < counts.agentRuns; i++) {
    addRun({ timeline: [{ at: 0, status: "COMPLETE" }], result: `Run ${i}`, userId: 1000 + (i % 3) });
  }

  const elapsed = (run: Run) => clock.now() - run.createdAt;
  const statusOf = (run: Run) =>
    run.timeline.filter((step) => step.at <= elapsed(run)).at(-1)?.status ?? null;
  const visibleLogs = (run: Run) =>
    (run.logs ?? [])
      .filter((log) => log.at <= elapsed(run))
      .map((log) => ({
        agent_run_id: run.id,
        created_at: iso(run.createdAt + log.at),
        tool_name: log.tool_name ?? null,
        message_type: log.message_type,
        thought: log.thought ?? null,
        observation: null,
        tool_input: null,
        tool_output: null,
      }));
  const runJson = (run: Run) => {
    const status = statusOf(run);
    const complete = status === "COMPLETE";
    return {
      id: run.id,
      organization_id: run.organizationId,
      status,
      created_at: iso(run.createdAt),
      web_url: `https://codegen.com/agent/trace/${run.id}`,
      result: complete ? (run.result ?? null) : null,
      summary: complete ? (run.result ?? null) : null,
      source_type: run.sourceType ?? "API",
      github_pull_requests: complete
        ? (run.pullRequests ?? []).map((pr) => ({ ...pr, created_at: iso(run.createdAt) }))
        : null,
      metadata: null,
    };
  };

  function paging(query: URLSearchParams) {
    const skip = integerQuery(query, "skip", 0);
    const limit = integerQuery(query, "limit", 100);
    if (skip < 0)
      throw rangeError("skip", "greater_than_equal", "Input should be greater than or equal to 0");
    if (limit < 1)
      throw rangeError("limit", "greater_than_equal", "Input should be greater than or equal to 1");
    if (limit > 100)
      throw rangeError("limit", "less_than_equal", "Input should be less than or equal to 100");
    return { skip, limit };
  }
  function page<T>(all: T[], query: URLSearchParams) {
    const { skip, limit } = paging(query);
    return {
      items: all.slice(skip, skip + limit),
      total: all.length,
      page: Math.floor(skip / limit) + 1,
      size: limit,
      pages: Math.ceil(all.length / limit),
    };
  }
  function runIn(ctx: Context, id: number): Run {
    const run = runs.get(id);
    if (!run || run.organizationId !== ctx.params.org_id) throw codegenError(404, "Agent run not found.");
    return run;
  }
  function requireBody(ctx: Context, ...fields: string[]) {
    for (const field of fields) if (ctx.body[field] === undefined) throw fieldMissing(["body", field]);
  }
  function stopRun(ctx: Context, banned: boolean | undefined) {
    requireBody(ctx, "agent_run_id");
    const run = runIn(ctx, Number(ctx.body.agent_run_id));
    if (banned !== undefined) run.banned = banned;
    run.timeline.push({ at: elapsed(run), status: "STOPPED" });
    return {};
  }
  function createRun(ctx: Context, script: RunScript) {
    return runJson(runs.get(addRun(script, ctx.params.org_id))!);
  }

  const routes: [string, (ctx: Context) => unknown][] = [
    ["GET /v1/users/me", () => users[0]],
    ["GET /v1/organizations", (ctx) => page(organizations, ctx.query)],
    ["GET /v1/organizations/{org_id}/users", (ctx) => page(users, ctx.query)],
    [
      "GET /v1/organizations/{org_id}/users/{user_id}",
      (ctx) =>
        users.find((u) => u.id === ctx.params.user_id) ?? throwError(codegenError(404, "User not found.")),
    ],
    ["GET /v1/organizations/{org_id}/repos", (ctx) => page(repositories, ctx.query)],
    [
      "POST /v1/organizations/{org_id}/agent/run",
      (ctx) => {
        requireBody(ctx, "prompt");
        return createRun(ctx, { ...scriptForNewRun(ctx.body), userId: users[0]!.id });
      },
    ],
    [
      "GET /v1/organizations/{org_id}/agent/runs",
      (ctx) => {
        const userId = ctx.query.get("user_id");
        const sourceType = ctx.query.get("source_type");
        const matching = [...runs.values()]
          .filter((run) => run.organizationId === ctx.params.org_id)
          .filter((run) => userId === null || run.userId === Number(userId))
          .filter((run) => sourceType === null || (run.sourceType ?? "API") === sourceType)
          .reverse()
          .map(runJson);
        return page(matching, ctx.query);
      },
    ],
    [
      "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}",
      (ctx) => runJson(runIn(ctx, ctx.params.agent_run_id!)),
    ],
    [
      "POST /v1/organizations/{org_id}/agent/run/resume",
      (ctx) => {
        requireBody(ctx, "agent_run_id", "prompt");
        const run = runIn(ctx, Number(ctx.body.agent_run_id));
        const now = elapsed(run);
        run.timeline.push({ at: now, status: "RUNNING" }, { at: now + 30_000, status: "COMPLETE" });
        run.logs = [
          ...(run.logs ?? []),
          { at: now, message_type: "USER_MESSAGE", thought: String(ctx.body.prompt) },
        ];
        return runJson(run);
      },
    ],
    ["POST /v1/organizations/{org_id}/agent/run/ban", (ctx) => stopRun(ctx, true)],
    [
      "POST /v1/organizations/{org_id}/agent/run/unban",
      (ctx) => {
        requireBody(ctx, "agent_run_id");
        runIn(ctx, Number(ctx.body.agent_run_id)).banned = false;
        return {};
      },
    ],
    ["POST /v1/organizations/{org_id}/agent/run/remove-from-pr", (ctx) => stopRun(ctx, undefined)],
    [
      "GET /v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs",
      (ctx) => {
        const run = runIn(ctx, ctx.params.agent_run_id!);
        const { skip, limit } = paging(ctx.query);
        const all = visibleLogs(run);
        if (ctx.query.get("reverse") === "true") all.reverse();
        const { summary: _, source_type: __, github_pull_requests: ___, ...fields } = runJson(run);
        return {
          ...fields,
          logs: all.slice(skip, skip + limit),
          total_logs: all.length,
          page: Math.floor(skip / limit) + 1,
          size: limit,
          pages: Math.ceil(all.length / limit),
        };
      },
    ],
    [
      "PATCH /v1/organizations/{org_id}/repos/{repo_id}/prs/{pr_id}",
      (ctx) => editPr(ctx, `acme/repo-${ctx.params.repo_id! - 300}`),
    ],
    ["PATCH /v1/organizations/{org_id}/prs/{pr_id}", (ctx) => editPr(ctx, "acme/app")],
    [
      "POST /v1/organizations/{org_id}/setup-commands/generate",
      (ctx) => {
        requireBody(ctx, "repo_id");
        const run = createRun(ctx, { timeline: [{ at: 0, status: "ACTIVE" }], sourceType: "SETUP_COMMANDS" });
        return { agent_run_id: run.id, status: "ACTIVE", url: run.web_url };
      },
    ],
    [
      "POST /v1/organizations/{org_id}/sandbox/{sandbox_id}/analyze-logs",
      (ctx) => {
        const run = createRun(ctx, { timeline: [{ at: 0, status: "ACTIVE" }] });
        return {
          agent_run_id: run.id,
          status: "ACTIVE",
          message: `Analyzing sandbox ${ctx.params.sandbox_id}`,
        };
      },
    ],
    [
      "GET /v1/organizations/{org_id}/integrations",
      (ctx) => ({
        organization_id: ctx.params.org_id,
        organization_name: `Org ${ctx.params.org_id}`,
        integrations: [
          { integration_type: "github", active: true, token_id: null, installation_id: 42, metadata: null },
          { integration_type: "slack", active: false, token_id: null, installation_id: null, metadata: null },
        ],
        total_active_integrations: 1,
      }),
    ],
    [
      "GET /v1/organizations/{org_id}/repos/check-suite-settings",
      (ctx) => ({
        check_retry_count: 0,
        ignored_checks: [],
        check_retry_counts: {},
        custom_prompts: {},
        high_priority_apps: [],
        available_check_suite_names: ["ci", "lint"],
        ...checkSuiteSettings.get(repoIdQuery(ctx)),
      }),
    ],
    [
      "PUT /v1/organizations/{org_id}/repos/check-suite-settings",
      (ctx) => {
        const repoId = repoIdQuery(ctx);
        checkSuiteSettings.set(repoId, { ...checkSuiteSettings.get(repoId), ...ctx.body });
        return { message: "Check suite settings updated" };
      },
    ],
    [
      "GET /v1/organizations/{org_id}/cli/rules",
      () => ({ organization_rules: "Write tests first.", user_custom_prompt: null }),
    ],
    [
      "POST /v1/slack-connect/generate-token",
      (ctx) => {
        requireBody(ctx, "org_id");
        if (ctx.body.org_id !== orgId) throw codegenError(403);
        return { token: "slack-connect-token", message: "Token generated", expires_in_minutes: 10 };
      },
    ],
    [
      "GET /v1/oauth/tokens/status",
      (ctx) => {
        orgQuery(ctx);
        return [{ provider: "linear", active: true }];
      },
    ],
    [
      "POST /v1/oauth/tokens/revoke",
      (ctx) => {
        orgQuery(ctx);
        if (!ctx.query.get("provider")) throw fieldMissing(["query", "provider"]);
        return { message: `Revoked ${ctx.query.get("provider")} token` };
      },
    ],
    [
      "GET /v1/mcp-providers",
      () => [
        {
          id: 1,
          name: "linear",
          issuer: "https://linear.app",
          authorization_endpoint: "https://linear.app/oauth/authorize",
          token_endpoint: "https://api.linear.app/oauth/token",
          default_scopes: ["read"],
          is_mcp: true,
          meta: null,
        },
      ],
    ],
  ];

  function editPr(ctx: Context, repo: string) {
    requireBody(ctx, "state");
    const states = ["open", "closed", "draft", "ready_for_review"];
    if (!states.includes(String(ctx.body.state))) {
      throw new HttpError(422, {
        detail: [{ loc: ["body", "state"], msg: `Input should be ${states.join(", ")}`, type: "enum" }],
      });
    }
    const number = ctx.params.pr_id!;
    return {
      success: true,
      url: `https://github.com/${repo}/pull/${number}`,
      number,
      state: ctx.body.state,
      error: null,
    };
  }
  function repoIdQuery(ctx: Context): number {
    const repoId = integerQuery(ctx.query, "repo_id");
    if (!repositories.some((repo) => repo.id === repoId)) throw codegenError(404, "Repository not found.");
    return repoId;
  }
  function orgQuery(ctx: Context) {
    if (integerQuery(ctx.query, "org_id") !== orgId) throw codegenError(403);
  }

  const compiled = routes.map(([route, handle]) => {
    const [method, template] = route.split(" ") as [string, string];
    const names: string[] = [];
    const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { route, method, names, regex: new RegExp(`^${pattern}$`), handle };
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    const match = compiled
      .map((route) => ({ route, groups: route.regex.exec(url.pathname) }))
      .find(({ route, groups }) => groups && route.method === req.method);
    const route = match?.route.route ?? `${req.method} ${url.pathname}`;
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return sendJson(res, 422, {
        detail: [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }],
      });
    }
    const recorded: RecordedRequest = { route, url: url.pathname + url.search, at: clock.now(), body };
    requests.push(recorded);
    const send = (res: ServerResponse, status: number, json: unknown, headers?: Record<string, string>) => {
      sendJson(res, status, json, headers);
      options.onResponse?.(recorded, status, json);
    };

    if (req.headers.authorization !== `Bearer ${token}`)
      return send(res, 401, { message: messages[401], status_code: 401 });
    const fault = faults.find((f) => f.route === route && f.times > 0);
    if (fault) {
      fault.times -= 1;
      const error = codegenError(fault.status);
      return send(res, fault.status, error.body, fault.headers);
    }
    if (!match) return send(res, 404, { detail: "Not Found" });

    try {
      const params: Record<string, number> = {};
      match.route.names.forEach((name, i) => {
        const value = Number(match.groups![i + 1]);
        if (!Number.isInteger(value)) {
          throw new HttpError(422, {
            detail: [{ loc: ["path", name], msg: "Input should be a valid integer", type: "int_parsing" }],
          });
        }
        params[name] = value;
      });
      if (params.org_id !== undefined && params.org_id !== orgId) throw codegenError(403);
      const json = match.route.handle({ params, query: url.searchParams, body: (body ?? {}) as Json });
      send(res, 200, json);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      send(res, error.status, error.body);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      sendJson(res, 500, { message: String(error), status_code: 500 }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 5 * 60_000);
  lifetime.unref();

  function close(): Promise<void> {
    clearTimeout(lifetime);
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    addRun: (script) => addRun(script),
    appendLog: (runId, log) => {
      const run = runs.get(runId);
      if (!run) throw new Error(`fake API: no run ${runId}`);
      run.logs = [...(run.logs ?? []), log];
    },
    failNext: (route, status, { times = 1, headers = {} } = {}) =>
      faults.push({ route, status, times, headers }),
    close,
  };
}

/** An integer query parameter; without a fallback it is required. */
function integerQuery(query: URLSearchParams, name: string, fallback?: number): number {
  const raw = query.get(name);
  if (raw === null) {
    if (fallback === undefined) throw fieldMissing(["query", name]);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw new HttpError(422, {
      detail: [{ loc: ["query", name], msg: "Input should be a valid integer", type: "int_parsing" }],
    });
  }
  return value;
}

function rangeError(name: string, type: string, msg: string) {
  return new HttpError(422, { detail: [{ loc: ["query", name], msg, type }] });
}

function throwError(error: Error): never {
  throw error;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
