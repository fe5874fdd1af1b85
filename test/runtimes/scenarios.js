// The client behaviours every runtime must show, run against the built package. Plain JavaScript that uses only
// web-standard globals (no `process`, no `node:` modules), so Node, Bun, Deno, an edge VM and a browser all run
// this same file. The server side is test/runtimes/api-server.ts; the test that spawns each runtime is
// test/runtimes/runtimes.test.ts.

/** The token every scenario sends; the server answers 401 to any other Authorization header. */
export const TOKEN = "cg_test_SECRET_runtimes_42";
export const ORG_ID = 1;

/**
 * name → scenario. Each gets the package's exports and the base URL of this runtime's slice of the test server,
 * and throws (with a message saying what differed) when the behaviour is wrong.
 */
export const scenarios = {
  "auth: the token is sent as Authorization: Bearer": async (codegen, baseUrl) => {
    const client = codegen.createCodegenClient({ token: TOKEN, orgId: ORG_ID, baseUrl });
    // A raw call, which any path reaches at run time: this checks the token, not a helper today's docs may drop.
    const { data: me } = await client.GET("/v1/users/me");
    check(me?.id === 42, `GET /v1/users/me returned ${JSON.stringify(me)}`);
  },

  "helper: agentRuns.get returns the run": async (codegen, baseUrl) => {
    const client = codegen.createCodegenClient({ token: TOKEN, orgId: ORG_ID, baseUrl });
    const run = await client.agentRuns.get(5);
    check(run.id === 5 && run.status === "COMPLETE", `agentRuns.get(5) returned ${JSON.stringify(run)}`);
  },

  "retry: a 429 then 200 is retried and reported to onRetry": async (codegen, baseUrl) => {
    const reasons = [];
    const client = codegen.createCodegenClient({
      token: TOKEN,
      orgId: ORG_ID,
      baseUrl,
      onRetry: (event) => reasons.push(event.reason),
    });
    const run = await client.agentRuns.get(429);
    check(run.id === 429, `agentRuns.get(429) returned ${JSON.stringify(run)}`);
    check(
      reasons.length === 1 && reasons[0] === "HTTP 429 (Retry-After 0 ms)",
      `onRetry saw ${JSON.stringify(reasons)}`,
    );
  },

  "retry: a 503 then 200 is retried and reported to onRetry": async (codegen, baseUrl) => {
    const statuses = [];
    const client = codegen.createCodegenClient({
      token: TOKEN,
      orgId: ORG_ID,
      baseUrl,
      backoff: { baseMs: 1, maxMs: 1 },
      onRetry: (event) => statuses.push(event.status),
    });
    const run = await client.agentRuns.get(503);
    check(run.id === 503, `agentRuns.get(503) returned ${JSON.stringify(run)}`);
    check(statuses.length === 1 && statuses[0] === 503, `onRetry saw ${JSON.stringify(statuses)}`);
  },

  "timeout: a server that never answers raises TimeoutError": async (codegen, baseUrl) => {
    const client = codegen.createCodegenClient({ token: TOKEN, orgId: ORG_ID, baseUrl, maxRetries: 0 });
    const error = await client.agentRuns.get(408, { timeout: 300 }).then(
      () => undefined,
      (caught) => caught,
    );
    check(error instanceof codegen.TimeoutError, `expected a TimeoutError, got ${describe(error)}`);
    check(error instanceof codegen.ConnectionError, `TimeoutError is not a ConnectionError`);
  },

  "pagination: for await reads every item across 2 pages": async (codegen, baseUrl) => {
    const client = codegen.createCodegenClient({ token: TOKEN, orgId: ORG_ID, baseUrl });
    const ids = [];
    for await (const run of client.agentRuns.list({ limit: 2 })) ids.push(run.id);
    check(ids.join() === "1,2,3", `for await read ids ${JSON.stringify(ids)}`);
  },

  "typed errors: 404 is a NotFoundError and a CodegenApiError": async (codegen, baseUrl) => {
    const client = codegen.createCodegenClient({ token: TOKEN, orgId: ORG_ID, baseUrl });
    const error = await client.agentRuns.get(404).then(
      () => undefined,
      (caught) => caught,
    );
    check(error instanceof codegen.NotFoundError, `expected a NotFoundError, got ${describe(error)}`);
    check(error instanceof codegen.CodegenApiError, `NotFoundError is not a CodegenApiError`);
    check(error.status === 404 && error.name === "NotFoundError", `got ${error.name} ${error.status}`);
    check(error.message.includes("Agent run not found."), `message ${JSON.stringify(error.message)}`);
  },

  "typed errors: 422 is a ValidationError with its details": async (codegen, baseUrl) => {
    const client = codegen.createCodegenClient({ token: TOKEN, orgId: ORG_ID, baseUrl });
    const error = await client.agentRuns.create({ prompt: "" }).then(
      () => undefined,
      (caught) => caught,
    );
    check(error instanceof codegen.ValidationError, `expected a ValidationError, got ${describe(error)}`);
    check(error instanceof codegen.CodegenApiError, `ValidationError is not a CodegenApiError`);
    check(error.details[0]?.msg === "prompt is empty", `details ${JSON.stringify(error.details)}`);
  },
};

/** Runs every scenario in order; the report maps each name to "ok" or what went wrong. */
export async function runScenarios(codegen, baseUrl) {
  const report = {};
  for (const [name, scenario] of Object.entries(scenarios)) {
    try {
      await scenario(codegen, baseUrl);
      report[name] = "ok";
    } catch (error) {
      report[name] = describe(error);
    }
  }
  return report;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return `${typeof value} ${String(value)}`;
}
