import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../client/server.js";
import { pathOf, withOperations } from "../fixtures/operations.js";

/**
 * The built ESM bundle (openapi-fetch included, as a browser app ships it) running in headless Chromium,
 * calling a CORS-enabled API server on another 127.0.0.1 origin. The browser-only checks (origin, User-Agent,
 * what `JSON.stringify(client)` shows) are here; the behaviours every runtime shares run in Chromium too, from
 * test/runtimes/runtimes.test.ts.
 */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium) {
  if (process.env.CI)
    throw new Error(`Chromium not found at ${executablePath}: CI must run the browser test`);
  console.warn(`⚠ Skipping the browser test: no Chromium at ${executablePath} (apt-get install chromium)`);
}

const TOKEN = "cg_test_SECRET_browser_42";
const run = {
  id: 5,
  organization_id: 1,
  status: "COMPLETE",
  created_at: "2025-01-01T00:00:00Z",
  web_url: "w",
};

let api: TestServer;
let site: Server;
let siteUrl: string;
let bundleDir: string;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!haveChromium) return;
  bundleDir = await mkdtemp(join(tmpdir(), "codegen-api-browser-"));
  await build({
    entryPoints: [join(import.meta.dirname, "../../src/index.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    outfile: join(bundleDir, "codegen-api.js"),
    logLevel: "silent",
  });
  const bundle = await readFile(join(bundleDir, "codegen-api.js"));

  api = await startServer((req, res) => {
    const cors = {
      "access-control-allow-origin": siteUrl,
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-methods": "GET, POST, PATCH, PUT",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      res.end();
    } else if (req.url.endsWith("/agent/run/5")) sendJson(res, 200, run, cors);
    else sendJson(res, 404, { message: "Agent run not found." }, cors);
  });

  site = createServer((req, res) => {
    if (req.url === "/codegen-api.js") {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(bundle);
    } else {
      res.writeHead(200, { "content-type": "text/html" });
      // The page loads the bundle as an app would; the test reads its exports from `window.codegenApi`.
      res.end(
        `<!doctype html><title>codegen-api</title><script type="module">` +
          `import * as codegenApi from "/codegen-api.js"; window.codegenApi = codegenApi;</script>`,
      );
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  site?.closeAllConnections();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

describe.skipIf(!haveChromium)("in headless Chromium", () => {
  withOperations("getAgentRun")(
    "the ESM bundle calls the API cross-origin: typed data, typed errors, token to the API only",
    async () => {
      const page = await browser!.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(siteUrl);
      await page.waitForFunction(() => "codegenApi" in window);
      const result = await page.evaluate(
        async ({ apiUrl, token, runPath }) => {
          const { createCodegenClient, NotFoundError } = (
            window as unknown as { codegenApi: typeof import("../../src/index.js") }
          ).codegenApi;
          const client = createCodegenClient({ token, baseUrl: apiUrl, orgId: 1 });
          const data = await client.agentRuns.get(5);
          // Typed loosely: the path comes from test/fixtures/operations.ts, not from today's docs.
          const get = client.GET as unknown as (
            path: string,
            init: object,
          ) => Promise<{ response: Response }>;
          const raw = await get(runPath, { params: { path: { org_id: 1, agent_run_id: 6 } } });
          let caught: unknown;
          await client.agentRuns.get(6).catch((error: unknown) => (caught = error));
          const error = caught as { name: string; status: number; message: string };
          return {
            data,
            rawStatus: raw.response.status,
            isNotFound: caught instanceof NotFoundError,
            error: { name: error.name, status: error.status, message: error.message },
            clientJson: JSON.stringify(client),
          };
        },
        { apiUrl: api.url, token: TOKEN, runPath: pathOf("getAgentRun") },
      );
      await page.close();

      expect(errors).toEqual([]);
      expect(result.data).toEqual(run);
      expect(result.rawStatus).toBe(404);
      expect(result.isNotFound).toBe(true);
      expect(result.error).toMatchObject({ name: "NotFoundError", status: 404 });
      expect(result.error.message).toContain("Agent run not found.");
      expect(result.clientJson).not.toContain(TOKEN);
      const calls = api.requests.filter((request) => request.method === "GET");
      expect(calls.length).toBe(3);
      for (const call of calls) {
        expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
        expect(call.headers.origin).toBe(siteUrl);
        // Browsers own User-Agent: the client adds no package UA of its own there.
        expect(call.headers["user-agent"]).not.toContain("codegen-api/");
      }
    },
  );
});
