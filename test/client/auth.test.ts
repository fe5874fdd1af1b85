import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConfigurationError, createCodegenClient } from "../../src/index.js";
import { loosely, SIMPLE_GET, withSimpleGet } from "../fixtures/operations.js";
import { sendJson, startServer, type TestServer } from "./server.js";

const TOKEN = "cg_test_SECRET_token_5c1f0e";

let api: TestServer;
let elsewhere: TestServer;

beforeAll(async () => {
  api = await startServer((req, res) => {
    if (req.url === "/v1/redirect-elsewhere") {
      res.writeHead(302, { location: `${elsewhere.url}/redirected` });
      res.end();
      return;
    }
    sendJson(res, 200, { id: 1, email: "a@b.c", github_user_id: "1", github_username: "a" });
  });
  elsewhere = await startServer((_req, res) => sendJson(res, 200, { id: 2 }));
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});

describe("Authorization", () => {
  withSimpleGet("sends the token as a Bearer header to the configured origin", async () => {
    const client = createCodegenClient({ token: TOKEN, baseUrl: api.url });
    const { data, response } = await loosely(client).GET(SIMPLE_GET);
    expect(response.status).toBe(200);
    expect(data?.id).toBe(1);
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  withSimpleGet("does not send the token to another origin given as a per-request baseUrl", async () => {
    const client = createCodegenClient({ token: TOKEN, baseUrl: api.url });
    const { response } = await loosely(client).GET(SIMPLE_GET, { baseUrl: elsewhere.url });
    expect(response.status).toBe(200);
    expect(elsewhere.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  withSimpleGet(
    "adds the token after middleware: a middleware logging request headers never sees it",
    async () => {
      const client = createCodegenClient({ token: TOKEN, baseUrl: api.url });
      const logged: string[] = [];
      client.use({ onRequest: ({ request }) => void logged.push(JSON.stringify([...request.headers])) });
      await loosely(client).GET(SIMPLE_GET);
      expect(logged).toHaveLength(1);
      expect(logged[0]).not.toContain(TOKEN);
      expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    },
  );

  withSimpleGet(
    "no middleware hook (onRequest, onResponse, onError) sees the token, while the server receives it",
    async () => {
      const client = createCodegenClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
      const seen: (string | null)[] = [];
      client.use({
        onRequest: ({ request }) => void seen.push(request.headers.get("authorization")),
        onResponse: ({ request }) => void seen.push(request.headers.get("authorization")),
        onError: ({ request }) => void seen.push(request.headers.get("authorization")),
      });
      await loosely(client).GET(SIMPLE_GET);
      expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      const dropping = await startServer((_req, res) => res.socket?.destroy());
      try {
        const failing = createCodegenClient({ token: TOKEN, baseUrl: dropping.url, maxRetries: 0 });
        failing.use({ onError: ({ request }) => void seen.push(request.headers.get("authorization")) });
        await expect(loosely(failing).GET(SIMPLE_GET)).rejects.toThrow();
        expect(dropping.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      } finally {
        await dropping.close();
      }
      expect(seen).toEqual([null, null, null]);
    },
  );

  it("refuses a baseUrl carrying credentials, without echoing them", () => {
    for (const baseUrl of ["http://user:hunter2pass@127.0.0.1:1", "https://hunter2pass@api.codegen.com"]) {
      let error: unknown;
      try {
        createCodegenClient({ token: TOKEN, baseUrl });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(String(error)).toMatch(/credentials/);
      expect(String(error)).not.toContain("hunter2pass");
    }
  });

  it("reads an environment variable only when its option is not given (Deno without --allow-env)", () => {
    const real = process.env;
    const read: string[] = [];
    process.env = new Proxy(real, {
      get(target, name) {
        if (typeof name === "string" && name.startsWith("CODEGEN_")) {
          read.push(name);
          throw new Error(`PermissionDenied: env access to ${name}`);
        }
        return Reflect.get(target, name);
      },
    });
    try {
      const client = createCodegenClient({ token: TOKEN, baseUrl: api.url, orgId: 7 });
      expect(client.orgId).toBe(7);
      expect(read).toEqual([]);
      // A throwing env access counts as absent.
      expect(() => createCodegenClient({ baseUrl: api.url })).toThrow(/Missing API token/);
    } finally {
      process.env = real;
    }
  });

  withSimpleGet("sends the token through a per-call fetch too", async () => {
    const client = createCodegenClient({ token: TOKEN, baseUrl: api.url });
    await loosely(client).GET(SIMPLE_GET, { fetch: (request: Request) => fetch(request) });
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  withSimpleGet(
    "runs middleware registered with use() on calls to another origin too, and eject() removes it there",
    async () => {
      const client = createCodegenClient({ token: TOKEN, baseUrl: api.url });
      const seen: string[] = [];
      const middleware = { onRequest: ({ request }: { request: Request }) => void seen.push(request.url) };
      client.use(middleware);
      await loosely(client).GET(SIMPLE_GET, { baseUrl: elsewhere.url });
      client.eject(middleware);
      await loosely(client).GET(SIMPLE_GET, { baseUrl: elsewhere.url });
      expect(seen).toEqual([`${elsewhere.url}${SIMPLE_GET}`]);
    },
  );

  withSimpleGet("does not send the token to a host that merely starts with the configured one", async () => {
    // "http://127.0.0.1:80" must not authorize "http://127.0.0.1:8080": compare whole origins.
    const port = new URL(elsewhere.url).port;
    const client = createCodegenClient({ token: TOKEN, baseUrl: `http://127.0.0.1:${port.slice(0, -1)}` });
    await loosely(client).GET(SIMPLE_GET, { baseUrl: elsewhere.url });
    expect(elsewhere.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("drops the token when the server redirects to another origin", async () => {
    const client = createCodegenClient({ token: TOKEN, baseUrl: api.url });
    const before = elsewhere.requests.length;
    // Not in the spec: the raw client's `request` accepts any path at runtime.
    const { response } = await loosely(client).request("get", "/v1/redirect-elsewhere");
    expect(response.status).toBe(200);
    expect(elsewhere.requests.length).toBe(before + 1);
    expect(elsewhere.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  withSimpleGet("keeps an Authorization header the caller set on the request", async () => {
    const client = createCodegenClient({ token: TOKEN, baseUrl: api.url });
    await loosely(client).GET(SIMPLE_GET, { headers: { Authorization: "Bearer other" } });
    expect(api.requests.at(-1)?.headers.authorization).toBe("Bearer other");
  });

  withSimpleGet("sends the configured headers and a User-Agent naming the app and the package", async () => {
    const client = createCodegenClient({
      token: TOKEN,
      baseUrl: api.url,
      headers: { "X-Team": "core" },
      userAgent: "my-app/1.2",
    });
    await loosely(client).GET(SIMPLE_GET);
    const { headers } = api.requests.at(-1)!;
    expect(headers["x-team"]).toBe("core");
    expect(headers["user-agent"]).toMatch(/^my-app\/1\.2 codegen-api\/\d+\.\d+\.\d+/);
  });
});

describe("the token stays secret", () => {
  withSimpleGet(
    "is absent from JSON.stringify and util.inspect of the client and of call results",
    async () => {
      const client = createCodegenClient({ token: TOKEN, baseUrl: api.url, orgId: 7 });
      const result = await loosely(client).GET(SIMPLE_GET);
      for (const value of [client, result, result.response.headers]) {
        expect(JSON.stringify(value) ?? "").not.toContain(TOKEN);
        expect(inspect(value, { depth: 10, showHidden: true })).not.toContain(TOKEN);
      }
    },
  );

  it("is absent from the error for a token that is not a valid header value", () => {
    const bad = `${TOKEN}\n`.repeat(2);
    const error = catchError(() => createCodegenClient({ token: bad, baseUrl: api.url }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("`token`");
    expect(`${error.message} ${error.stack} ${inspect(error)}`).not.toContain(TOKEN);
  });
});

describe("options and environment", () => {
  it("fails clearly without a token, naming the option and the env var", () => {
    vi.stubEnv("CODEGEN_API_TOKEN", "");
    try {
      const error = catchError(() => createCodegenClient({ baseUrl: api.url }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain("`token`");
      expect(error.message).toContain("CODEGEN_API_TOKEN");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  withSimpleGet(
    "reads token, orgId and baseUrl from CODEGEN_API_TOKEN, CODEGEN_ORG_ID and CODEGEN_API_BASE_URL",
    async () => {
      vi.stubEnv("CODEGEN_API_TOKEN", TOKEN);
      vi.stubEnv("CODEGEN_ORG_ID", " 42 ");
      vi.stubEnv("CODEGEN_API_BASE_URL", `${api.url}/`);
      try {
        const client = createCodegenClient();
        expect(client.orgId).toBe(42);
        await loosely(client).GET(SIMPLE_GET);
        expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      } finally {
        vi.unstubAllEnvs();
      }
    },
  );

  it("lets options win over the environment", () => {
    vi.stubEnv("CODEGEN_ORG_ID", "42");
    try {
      expect(createCodegenClient({ token: TOKEN, orgId: 9 }).orgId).toBe(9);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each(["abc", "12abc", "1.5", "-3", "0", "99999999999999999999"])(
    "rejects CODEGEN_ORG_ID=%j with an error naming the variable",
    (value) => {
      vi.stubEnv("CODEGEN_ORG_ID", value);
      try {
        const error = catchError(() => createCodegenClient({ token: TOKEN }));
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(error.message).toContain("CODEGEN_ORG_ID");
        expect(error.message).toContain(JSON.stringify(value));
      } finally {
        vi.unstubAllEnvs();
      }
    },
  );

  it.each([0, -1, 1.5, Number.NaN])("rejects orgId %s", (orgId) => {
    expect(() => createCodegenClient({ token: TOKEN, orgId })).toThrow(/`orgId`/);
  });

  it.each(["not a url", "ftp://api.codegen.com", ""])("rejects baseUrl %j", (baseUrl) => {
    expect(() => createCodegenClient({ token: TOKEN, baseUrl })).toThrow(/baseUrl/);
  });

  withSimpleGet("defaults baseUrl to https://api.codegen.com", async () => {
    const seen: string[] = [];
    const client = createCodegenClient({
      token: TOKEN,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.url} ${request.headers.get("authorization")}`);
        return Response.json({});
      },
    });
    await loosely(client).GET(SIMPLE_GET);
    expect(seen).toEqual([`https://api.codegen.com${SIMPLE_GET} Bearer ${TOKEN}`]);
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
