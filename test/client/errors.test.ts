import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  CodegenApiError,
  CodegenError,
  ConflictError,
  createCodegenClient,
  NotFoundError,
  PermissionDeniedError,
  PlanLimitError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../../src/index.js";
import { parseRetryAfter } from "../../src/errors.js";
import { unwrap } from "../../src/core.js";
import { loosely } from "../fixtures/operations.js";
import { sendJson, startServer, type TestServer } from "./server.js";

const TOKEN = "cg_test_SECRET_errors_77aa";
const OPERATION = { method: "GET", path: "/v1/organizations/{org_id}/agent/run/{agent_run_id}" };

/** The test names the answer in the path: /v1/organizations/1/agent/run/<status>?body=<json>&retry=<value> */
let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const status = Number(url.pathname.split("/").at(-1));
    const headers: Record<string, string> = {};
    const retry = url.searchParams.get("retry");
    if (retry) headers["retry-after"] = retry;
    const body = url.searchParams.get("body");
    if (body === "html") {
      res.writeHead(status, { "content-type": "text/html", ...headers });
      res.end(BAD_GATEWAY_PAGE);
      return;
    }
    if (body === "huge") {
      res.writeHead(status, { "content-type": "text/plain", ...headers });
      res.end("x".repeat(10 * 1024 * 1024));
      return;
    }
    if (body?.startsWith("text:")) {
      res.writeHead(status, { "content-type": "text/plain", ...headers });
      res.end(body.slice(5));
      return;
    }
    sendJson(
      res,
      status,
      body ? JSON.parse(body) : { message: `answer ${status}`, status_code: status },
      headers,
    );
  });
});
afterAll(() => server.close());

/** A proxy's error page, as Cloudflare and nginx send them: styles, scripts and markup around a few words. */
const BAD_GATEWAY_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title>
<style>body { font-family: sans-serif; } .x { color: red; }</style>
<script>window.__cf = { ray: "8a1b" };</script></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>
${"<p>padding</p>".repeat(200)}</body></html>`;

const client = () => createCodegenClient({ token: TOKEN, baseUrl: server.url, maxRetries: 0 });

async function failWith(status: number, query: Record<string, string> = {}): Promise<CodegenApiError> {
  // The server answers any path: the call goes through the raw client, loosely typed, to name no operation.
  const pending = loosely(client()).GET(OPERATION.path, {
    params: { path: { org_id: 1, agent_run_id: status } },
    querySerializer: () => new URLSearchParams(query).toString(),
  });
  const error = await unwrap(pending, OPERATION).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CodegenApiError)) throw new Error(`expected a CodegenApiError for ${status}`);
  return error;
}

describe("status → error class", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [402, PlanLimitError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
  ] as const)("%i → %s", async (status, ErrorClass) => {
    const error = await failWith(status);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(CodegenApiError);
    expect(error).toBeInstanceOf(CodegenError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it("an unlisted 4xx is a plain CodegenApiError", async () => {
    const error = await failWith(418);
    expect(error.constructor).toBe(CodegenApiError);
    expect(error.status).toBe(418);
  });
});

describe("what an error carries", () => {
  it("status, parsed body, operation and response, with the message from `message`", async () => {
    const error = await failWith(404, {
      body: JSON.stringify({ message: "Agent run not found.", status_code: 404 }),
    });
    expect(error.message).toBe(`${OPERATION.method} ${OPERATION.path}: 404 Agent run not found.`);
    expect(error.body).toEqual({ message: "Agent run not found.", status_code: 404 });
    expect(error.operation).toEqual(OPERATION);
    expect(error.response).toBeInstanceOf(Response);
    expect(error.response.status).toBe(404);
  });

  it("the message from a string `detail`", async () => {
    const error = await failWith(403, {
      body: JSON.stringify({ detail: "Not a member of this organization" }),
    });
    expect(error.message).toMatch(/: 403 Not a member of this organization$/);
  });

  it("the validation list for 422, with where and what in the message", async () => {
    const detail = [
      { loc: ["body", "prompt"], msg: "Field required", type: "missing" },
      { loc: ["path", "org_id"], msg: "Input should be a valid integer", type: "int_parsing" },
    ];
    const error = await failWith(422, { body: JSON.stringify({ detail }) });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual(detail);
    expect(error.message).toContain(
      "body.prompt: Field required; path.org_id: Input should be a valid integer",
    );
  });

  it("a text body as it is, and a placeholder when there is nothing to say", async () => {
    expect((await failWith(502, { body: "text:Bad gateway" })).message).toMatch(/: 502 Bad gateway$/);
    expect((await failWith(500, { body: "{}" })).message).toMatch(/: 500 \(no message\)$/);
  });

  it("an HTML error page: a short excerpt of its text in the message, no markup", async () => {
    const error = await failWith(502, { body: "html" });
    expect(error.message).toBe(
      `${OPERATION.method} ${OPERATION.path}: 502 502 Bad Gateway 502 Bad Gateway nginx ${"padding ".repeat(200).slice(0, 200 - "502 Bad Gateway 502 Bad Gateway nginx ".length)}…`,
    );
    expect(error.body).toBe(BAD_GATEWAY_PAGE);
  });

  it("a 10 MB error body: the message quotes 200 characters, the error keeps 64 KiB", async () => {
    const error = await failWith(500, { body: "huge" });
    expect(error.message).toBe(`${OPERATION.method} ${OPERATION.path}: 500 ${"x".repeat(200)}…`);
    expect(error.body).toBe("x".repeat(64 * 1024));
    expect(JSON.stringify(error).length).toBeLessThan(64 * 1024 + 1024);
  });

  it("Retry-After on 429 as milliseconds", async () => {
    const error = await failWith(429, { retry: "7" });
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });

  it("keeps the response out of JSON and inspect output, and never the token", async () => {
    const error = await failWith(401, { body: JSON.stringify({ message: "Invalid token" }) });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toEqual({
      name: "AuthenticationError",
      message: error.message,
      status: 401,
      body: { message: "Invalid token" },
      operation: OPERATION,
    });
    const shown = `${JSON.stringify(error)} ${inspect(error, { depth: 10 })} ${error.stack}`;
    expect(shown).not.toContain(TOKEN);
    expect(Object.keys(error)).not.toContain("response");
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates, and ignores garbage", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("15", now)).toBe(15_000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
  });
});

describe("Retry-After parsing (RFC 9110 §10.2.3)", () => {
  const now = Date.parse("Sun, 06 Nov 1994 08:49:37 GMT");
  it("reads delay-seconds (digits only) and HTTP-dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:47 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Sunday, 06-Nov-94 08:49:47 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Sun Nov  6 08:49:47 1994", now)).toBeGreaterThanOrEqual(0);
  });
  it.each(["0x10", "-5", "1e3", "1.5", "+3", "Infinity", "soon", " "])("ignores %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
