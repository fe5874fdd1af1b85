import type { ServerResponse } from "node:http";
import { sendJson, startServer, type RecordedRequest, type TestServer } from "../client/server.js";
import { ORG_ID, TOKEN } from "./scenarios.js";

/**
 * The API the scenarios of scenarios.js call. Every runtime gets its own slice, `<url>/<runtime>/v1/…`, so runtimes
 * running at the same time keep separate retry counters and their requests can be told apart.
 * CORS is open (the browser runs the scenarios from another origin); any Authorization other than the scenarios'
 * bearer token gets a 401, so every passing scenario also proves the token was sent.
 */
export async function startScenarioServer(): Promise<TestServer> {
  const seen = new Set<string>();
  const firstTime = (key: string) => !seen.has(key) && Boolean(seen.add(key));
  const run = (id: number) => ({
    id,
    organization_id: ORG_ID,
    status: "COMPLETE",
    created_at: "2025-01-01T00:00:00Z",
    web_url: `https://codegen.com/agent/trace/${id}`,
  });

  return startServer((request: RecordedRequest, res: ServerResponse) => {
    const cors = {
      "access-control-allow-origin": request.headers.origin ?? "*",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-methods": "GET, POST, PATCH, PUT",
      // Without this a page cannot read Retry-After (not a CORS-safelisted header) and backs off blind.
      "access-control-expose-headers": "retry-after",
    };
    if (request.method === "OPTIONS") {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      sendJson(res, 401, { detail: "Invalid or missing bearer token" }, cors);
      return;
    }
    const url = new URL(request.url, "http://localhost");
    const [, runtime, ...rest] = url.pathname.split("/");
    const path = `/${rest.join("/")}`;
    const orgRuns = `/v1/organizations/${ORG_ID}/agent`;

    if (request.method === "GET" && path === "/v1/users/me")
      return sendJson(res, 200, { id: 42, email: "dev@example.com", github_user_id: "1" }, cors);
    if (request.method === "GET" && path === `${orgRuns}/run/5`) return sendJson(res, 200, run(5), cors);
    if (request.method === "GET" && path === `${orgRuns}/run/429`) {
      if (firstTime(`${runtime}:429`))
        return sendJson(res, 429, { detail: "Too many requests" }, { ...cors, "retry-after": "0" });
      return sendJson(res, 200, run(429), cors);
    }
    if (request.method === "GET" && path === `${orgRuns}/run/503`) {
      if (firstTime(`${runtime}:503`)) return sendJson(res, 503, { detail: "Unavailable" }, cors);
      return sendJson(res, 200, run(503), cors);
    }
    // Never answers: the client's timeout must end the call (closing the server drops the connection).
    if (request.method === "GET" && path === `${orgRuns}/run/408`) return;
    if (request.method === "GET" && path === `${orgRuns}/runs`) {
      const skip = Number(url.searchParams.get("skip") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const items = [1, 2, 3].slice(skip, skip + limit).map(run);
      return sendJson(res, 200, { items, total: 3, page: 1, size: limit, pages: 2 }, cors);
    }
    if (request.method === "POST" && path === `${orgRuns}/run`) {
      const detail = [{ loc: ["body", "prompt"], msg: "prompt is empty", type: "value_error" }];
      return sendJson(res, 422, { detail }, cors);
    }
    sendJson(res, 404, { detail: "Agent run not found." }, cors);
  });
}
