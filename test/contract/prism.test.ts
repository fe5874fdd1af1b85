import { isHttpMethod } from "../../scripts/lib/http-methods.js";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCodegenClient, type CodegenClient } from "../../src/index.js";
import { loadNamingTable } from "../../scripts/lib/spec/naming.js";
import { buildSurface, type OperationModel } from "../../scripts/lib/spec/surface.js";
import { validRequest, type SynthesizedRequest } from "./synthesize.js";

/**
 * Every operation of the merged spec, called through the typed client against Prism's mock of that spec, with a
 * request synthesised from the spec itself (./synthesize.ts), so the test follows the docs. Prism validates each
 * request (path, query, body, bearer auth) and answers 422 with an `sl-violations` header when it breaks the spec,
 * so a 2xx here means the client sends what the spec describes.
 */
const root = join(import.meta.dirname, "../..");
const specPath = join(root, "src", "generated", "openapi.json");
const spec = JSON.parse(readFileSync(specPath, "utf8")) as {
  paths: Record<string, Record<string, { operationId: string }>>;
};

const specOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => isHttpMethod(method))
    .map(([method, operation]) => ({
      method,
      path,
      key: `${method.toUpperCase()} ${path}`,
      operationId: operation.operationId,
    })),
);

type RawCall = (
  method: string,
  path: string,
  init: { params: SynthesizedRequest["params"]; body?: unknown },
) => Promise<{ response: Response }>;

/** Sends a synthesised request through the client's `request(method, path, init)`. */
function send(method: string, path: string, request: SynthesizedRequest): Promise<{ response: Response }> {
  const init =
    request.body === undefined ? { params: request.params } : { params: request.params, body: request.body };
  return (client.request as unknown as RawCall)(method.toUpperCase(), path, init);
}

/** How an operation's valid request can be made invalid by leaving out something the spec requires. */
function withoutSomethingRequired(
  request: SynthesizedRequest,
  operation: (typeof specOperations)[number],
): { request: SynthesizedRequest; left: string } | undefined {
  const raw = spec.paths[operation.path]![operation.method] as {
    requestBody?: { required?: boolean };
    parameters?: Array<{ name: string; in: string; required?: boolean }>;
  };
  if (raw.requestBody?.required && request.body !== undefined)
    return { request: { params: request.params }, left: "its required body" };
  const required = raw.parameters?.find((parameter) => parameter.in === "query" && parameter.required);
  if (!required) return undefined;
  const { [required.name]: _left, ...query } = request.params.query!;
  return {
    request: { ...request, params: { ...request.params, query } },
    left: `query parameter ${required.name}`,
  };
}

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
  it("the spec has operations, each with its own operationId", () => {
    expect(specOperations.length).toBeGreaterThan(0);
    const ids = specOperations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(specOperations)("$operationId ($key) gets a 2xx", async ({ method, path, key }) => {
    const { response } = await send(method, path, validRequest(spec, method, path));
    const violations = response.headers.get("sl-violations");
    expect(response.ok, `${key} → ${response.status}${violations ? `: ${violations}` : ""}`).toBe(true);
  });

  // The control that makes a 2xx mean something: the same request, minus what the spec requires, is refused.
  const refusable = specOperations.flatMap((operation) => {
    const invalid = withoutSomethingRequired(validRequest(spec, operation.method, operation.path), operation);
    return invalid ? [{ ...operation, ...invalid }] : [];
  });
  it.each(refusable)(
    "$key without $left gets a 4xx naming the violation",
    async ({ method, path, request }) => {
      const { response } = await send(method, path, request);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("sl-violations")).toBeTruthy();
    },
  );
});

/**
 * Every generated helper (each operation it calls, when several share it), called with arguments taken from a
 * synthesised request: positional args, body, query and the options that select the operation. A helper throws
 * the typed error for anything but a 2xx, so resolving means it sent what the spec describes.
 */
const surface = buildSurface(
  spec as never,
  await loadNamingTable(join(root, "openapi/helpers.yaml"), "openapi/helpers.yaml"),
  "openapi/helpers.yaml",
  [],
);
const helperCalls = surface.helpers.flatMap((helper) =>
  helper.variants.map((variant) => ({ helper: helper.name, variant, route: variant.route })),
);

function helperArguments(variant: OperationModel): unknown[] {
  const [method, path] = variant.route.split(" ") as [string, string];
  const { params, body } = validRequest(spec, method.toLowerCase(), path);
  const value = (param: { in: "path" | "query"; name: string }) => params[param.in]?.[param.name];
  const args: unknown[] = variant.args.map(value);
  if (variant.body) args.push(body ?? {});
  if (variant.query) {
    const taken = new Set([...variant.args, ...variant.options].map((param) => param.name).concat("org_id"));
    args.push(Object.fromEntries(Object.entries(params.query ?? {}).filter(([name]) => !taken.has(name))));
  }
  const options: Record<string, unknown> = { orgId: 11 };
  for (const param of variant.options) options[param.argName] = value(param);
  return [...args, options];
}

describe("contract: every generated helper against Prism", () => {
  it.each(helperCalls)("$helper ($route) resolves", async ({ helper, variant }) => {
    const [namespace, method] = helper.split(".") as [string, string];
    const target = (client as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[
      namespace
    ]!;
    await target[method]!(...helperArguments(variant));
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
