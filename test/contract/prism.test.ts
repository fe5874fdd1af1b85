import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCodegenClient, type CodegenClient } from "../../src/index.js";

/**
 * Every operation of the merged spec, called through the typed client against Prism's mock of that spec.
 * Prism validates each request (path, query, body) and answers 422 with an `sl-violations` header when it
 * breaks the spec, so a 2xx here means the client sends what the spec describes.
 */
const root = join(import.meta.dirname, "../..");
const specPath = join(root, "src", "generated", "openapi.json");
const spec = JSON.parse(readFileSync(specPath, "utf8")) as {
  paths: Record<string, Record<string, { operationId: string }>>;
};

const ORG = 11;
const RUN = 22;
type Call = (client: CodegenClient) => Promise<{ response: Response }>;

/** One valid call per operation, keyed by "METHOD /path/template". */
const calls: Record<string, Call> = {
  "POST /v1/organizations/{org_id}/agent/run": (c) =>
    c.POST("/v1/organizations/{org_id}/agent/run", {
      params: { path: { org_id: ORG } },
      body: { prompt: "Fix the flaky test", repo_id: 3, metadata: { ticket: "CG-1" } },
    }),
  "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}": (c) =>
    c.GET("/v1/organizations/{org_id}/agent/run/{agent_run_id}", {
      params: { path: { org_id: ORG, agent_run_id: RUN } },
    }),
  "GET /v1/organizations/{org_id}/agent/runs": (c) =>
    c.GET("/v1/organizations/{org_id}/agent/runs", {
      params: { path: { org_id: ORG }, query: { user_id: 4, source_type: "API", skip: 0, limit: 10 } },
    }),
  "POST /v1/organizations/{org_id}/agent/run/resume": (c) =>
    c.POST("/v1/organizations/{org_id}/agent/run/resume", {
      params: { path: { org_id: ORG } },
      body: { agent_run_id: RUN, prompt: "Also update the docs" },
    }),
  "POST /v1/organizations/{org_id}/agent/run/ban": (c) =>
    c.POST("/v1/organizations/{org_id}/agent/run/ban", {
      params: { path: { org_id: ORG } },
      body: { agent_run_id: RUN },
    }),
  "POST /v1/organizations/{org_id}/agent/run/unban": (c) =>
    c.POST("/v1/organizations/{org_id}/agent/run/unban", {
      params: { path: { org_id: ORG } },
      body: { agent_run_id: RUN },
    }),
  "POST /v1/organizations/{org_id}/agent/run/remove-from-pr": (c) =>
    c.POST("/v1/organizations/{org_id}/agent/run/remove-from-pr", {
      params: { path: { org_id: ORG } },
      body: { agent_run_id: RUN },
    }),
  "GET /v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs": (c) =>
    c.GET("/v1/alpha/organizations/{org_id}/agent/run/{agent_run_id}/logs", {
      params: { path: { org_id: ORG, agent_run_id: RUN }, query: { skip: 0, limit: 50, reverse: true } },
    }),
  "GET /v1/organizations/{org_id}/cli/rules": (c) =>
    c.GET("/v1/organizations/{org_id}/cli/rules", { params: { path: { org_id: ORG } } }),
  "GET /v1/organizations/{org_id}/integrations": (c) =>
    c.GET("/v1/organizations/{org_id}/integrations", { params: { path: { org_id: ORG } } }),
  "GET /v1/mcp-providers": (c) => c.GET("/v1/mcp-providers"),
  "GET /v1/oauth/tokens/status": (c) =>
    c.GET("/v1/oauth/tokens/status", { params: { query: { org_id: ORG } } }),
  "POST /v1/oauth/tokens/revoke": (c) =>
    c.POST("/v1/oauth/tokens/revoke", { params: { query: { provider: "linear", org_id: ORG } } }),
  "GET /v1/organizations": (c) => c.GET("/v1/organizations", { params: { query: { skip: 0, limit: 100 } } }),
  "PATCH /v1/organizations/{org_id}/prs/{pr_id}": (c) =>
    c.PATCH("/v1/organizations/{org_id}/prs/{pr_id}", {
      params: { path: { org_id: ORG, pr_id: 7 } },
      body: { state: "ready_for_review" },
    }),
  "PATCH /v1/organizations/{org_id}/repos/{repo_id}/prs/{pr_id}": (c) =>
    c.PATCH("/v1/organizations/{org_id}/repos/{repo_id}/prs/{pr_id}", {
      params: { path: { org_id: ORG, repo_id: 3, pr_id: 7 } },
      body: { state: "closed" },
    }),
  "GET /v1/organizations/{org_id}/repos/check-suite-settings": (c) =>
    c.GET("/v1/organizations/{org_id}/repos/check-suite-settings", {
      params: { path: { org_id: ORG }, query: { repo_id: 3 } },
    }),
  "PUT /v1/organizations/{org_id}/repos/check-suite-settings": (c) =>
    c.PUT("/v1/organizations/{org_id}/repos/check-suite-settings", {
      params: { path: { org_id: ORG }, query: { repo_id: 3 } },
      body: { check_retry_count: 2, ignored_checks: ["lint"] },
    }),
  "GET /v1/organizations/{org_id}/repos": (c) =>
    c.GET("/v1/organizations/{org_id}/repos", { params: { path: { org_id: ORG }, query: { limit: 20 } } }),
  "POST /v1/organizations/{org_id}/sandbox/{sandbox_id}/analyze-logs": (c) =>
    c.POST("/v1/organizations/{org_id}/sandbox/{sandbox_id}/analyze-logs", {
      params: { path: { org_id: ORG, sandbox_id: 5 } },
    }),
  "POST /v1/organizations/{org_id}/setup-commands/generate": (c) =>
    c.POST("/v1/organizations/{org_id}/setup-commands/generate", {
      params: { path: { org_id: ORG } },
      body: { repo_id: 3, prompt: "Use pnpm" },
    }),
  "POST /v1/slack-connect/generate-token": (c) =>
    c.POST("/v1/slack-connect/generate-token", { body: { org_id: ORG } }),
  "GET /v1/users/me": (c) => c.GET("/v1/users/me"),
  "GET /v1/organizations/{org_id}/users/{user_id}": (c) =>
    c.GET("/v1/organizations/{org_id}/users/{user_id}", { params: { path: { org_id: ORG, user_id: 4 } } }),
  "GET /v1/organizations/{org_id}/users": (c) =>
    c.GET("/v1/organizations/{org_id}/users", { params: { path: { org_id: ORG }, query: { skip: 20 } } }),
};

const specOperations = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    operationId: operation.operationId,
  })),
);

let prism: ChildProcess | undefined;
let prismLog = "";
let client: CodegenClient;

beforeAll(async () => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const bin = join(root, "node_modules", ".bin", "prism");
  prism = spawn(bin, ["mock", specPath, "-h", "127.0.0.1", "-p", String(port), "--errors"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  prism.stdout!.on("data", (chunk: Buffer) => (prismLog = (prismLog + chunk.toString()).slice(-4000)));
  prism.stderr!.on("data", (chunk: Buffer) => (prismLog = (prismLog + chunk.toString()).slice(-4000)));
  await waitForPrism(baseUrl);
  client = createCodegenClient({ token: "contract-test", baseUrl, maxRetries: 0, throttle: false });
}, 90_000);

afterAll(() => {
  prism?.kill("SIGTERM");
});

describe("contract: every operation against Prism's mock of the merged spec", () => {
  it("covers exactly the spec's operations (25)", () => {
    expect(specOperations).toHaveLength(25);
    expect(Object.keys(calls).sort()).toEqual(specOperations.map((operation) => operation.key).sort());
    expect(new Set(specOperations.map((operation) => operation.operationId)).size).toBe(25);
  });

  it.each(specOperations)("$operationId ($key) gets a 2xx", async ({ key }) => {
    const call = calls[key];
    if (!call) throw new Error(`no contract call for ${key}`);
    const { response } = await call(client);
    const violations = response.headers.get("sl-violations");
    expect(response.ok, `${key} → ${response.status}${violations ? `: ${violations}` : ""}`).toBe(true);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls until Prism answers (bounded: 60 s), failing with its output if it exits or never listens. */
async function waitForPrism(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (prism?.exitCode !== null) throw new Error(`Prism exited (${prism?.exitCode}):\n${prismLog}`);
    try {
      await fetch(`${baseUrl}/v1/users/me`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`Prism did not start listening within 60 s:\n${prismLog}`);
}
