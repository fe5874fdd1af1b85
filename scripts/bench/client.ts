/**
 * `npm run bench`: ops/s of the same GET (/v1/users/me) through
 *   - createCodegenClient (helpers and resilience on: throttle, timeout, retry bookkeeping, auth), raw and helper call
 *   - bare openapi-fetch (createClient with the Authorization header)
 *   - raw fetch + JSON parse
 * over an in-memory fetch passed as the `fetch` option (the client's own overhead) and, with the runtime's own
 * fetch, against a keep-alive loopback node:http server (what it costs next to a real round trip), then the ratios
 * (goal: full client ≥ 0.9× bare openapi-fetch), the heap per client of bare openapi-fetch, createCodegenApi and
 * createCodegenClient (./heap.ts), and the gzipped size of the two bundles: everything the ESM entry exports, and
 * raw calls only (createCodegenApi).
 *
 * Each measurement runs in a fresh child process of its own (warm-up, then a timed run): contenders sharing a
 * process share openapi-fetch's JIT state and each other's garbage, which skewed in-process figures by ±20 %.
 * Rounds alternate the contenders' order, and a ratio is the median of the per-round ratios, so load on this
 * shared machine, which moves whole rounds, cancels out. The client measured is the built dist/esm bundle users
 * install (rebuilt first when src/ changed), not src/ through tsx, whose keepNames transform adds a call to
 * every closure created on the hot path.
 */
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../../src/generated/schema.js";
import { buildDistIfStale } from "../lib/spec/dist-step.js";
import { BUNDLES, formatBundleSize, measureBundleSize, type BundleName } from "../size.js";
import { exitIfHelp, isQuick, type Usage } from "../lib/cli-help.js";
import { formatHeapPerClient, measureHeapPerClient } from "./heap.js";

exitIfHelp({
  command: "npm run bench",
  summary:
    "ops/s of one GET through createCodegenClient, bare openapi-fetch and raw fetch, over an in-memory fetch and " +
    "a keep-alive loopback server (each in a fresh process), the ratios to bare openapi-fetch, the heap per " +
    "client and the gzipped bundle sizes. Measures the built dist/esm (rebuilt first when src/ changed). " +
    "Takes minutes; --quick takes seconds.",
  options: [["--quick", "off", "one round of short measurements: the same lines, rougher figures"]],
  exitCodes: [
    [0, "figures printed"],
    [1, "the benchmark failed (the error says where)"],
  ],
} satisfies Usage);

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const QUICK = isQuick();
const ROUNDS = QUICK ? 1 : 7;
const MEASURE_MS = QUICK ? { memory: 300, loopback: 500 } : { memory: 1500, loopback: 3000 };
const WARM_UP_MS = QUICK ? 100 : 500;
const CONTENDERS = [
  "createCodegenClient GET",
  "createCodegenClient users.me()",
  "bare openapi-fetch GET",
  "raw fetch + json()",
] as const;
type ContenderName = (typeof CONTENDERS)[number];
type Setting = keyof typeof MEASURE_MS;

const TOKEN = "bench-token";
const USER_JSON = JSON.stringify({
  id: 1,
  email: "dev@example.com",
  github_user_id: "1",
  github_username: "dev",
  full_name: "Dev",
});
// Throttling stays on, with a limit the benchmark cannot reach: the limiter's bookkeeping is part of the cost.
const unthrottledLimits = { standard: { limit: 1_000_000, windowMs: 1000 } };

/** What every contender requests; the bench's server answers any path with USER_JSON. */
const BENCH_PATH = "/v1/users/me";
const looseGet = (client: object) => (client as { GET: (path: string) => Promise<unknown> }).GET;

/** In a child: the one contender to measure, as a call (with the runtime's own fetch unless one is given). */
async function contender(name: ContenderName, baseUrl: string, fetchImpl?: typeof fetch) {
  const withFetch = fetchImpl && { fetch: fetchImpl };
  const headers = { Authorization: `Bearer ${TOKEN}` };
  switch (name) {
    case "createCodegenClient GET":
    case "createCodegenClient users.me()": {
      const { createCodegenClient } = (await import(
        pathToFileURL(join(root, "dist/esm/index.js")).href
      )) as typeof import("../../src/index.js");
      const full = createCodegenClient({
        token: TOKEN,
        baseUrl,
        ...withFetch,
        rateLimits: unthrottledLimits,
      });
      if (name === "createCodegenClient GET") return () => looseGet(full)(BENCH_PATH);
      // Looked up, not typed in: a regeneration that drops users.me must not break the type check of scripts/.
      const helpers = full as unknown as Record<string, Record<string, (() => Promise<unknown>) | undefined>>;
      const me = helpers.users?.me?.bind(helpers.users);
      if (!me) throw new Error("users.me is not in this version of the API: measure another helper");
      return me;
    }
    case "bare openapi-fetch GET": {
      const bare = createClient<paths>({ baseUrl, ...withFetch, headers });
      return () => looseGet(bare)(BENCH_PATH);
    }
    case "raw fetch + json()":
      return () => (fetchImpl ?? fetch)(`${baseUrl}${BENCH_PATH}`, { headers }).then((r) => r.json());
  }
}

/** Calls `call` back to back for `ms` (bounded by time), returning ops/s. */
async function opsPerSecond(call: () => Promise<unknown>, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    // 16 in flight keeps the loopback socket pool busy without turning the benchmark into a load test.
    await Promise.all(Array.from({ length: 16 }, call));
    count += 16;
  }
  return (count * 1000) / (performance.now() - start);
}

/** In a child: warm up, measure, print ops/s. */
async function child(setting: Setting, name: ContenderName): Promise<void> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(USER_JSON),
    });
    res.end(USER_JSON);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const memoryFetch: typeof fetch = async () =>
    new Response(USER_JSON, {
      headers: { "content-type": "application/json", "content-length": `${USER_JSON.length}` },
    });
  try {
    const call =
      setting === "memory"
        ? await contender(name, "https://api.codegen.com", memoryFetch)
        : await contender(name, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await opsPerSecond(call, WARM_UP_MS);
    console.log(JSON.stringify(await opsPerSecond(call, MEASURE_MS[setting])));
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function measureInChild(setting: Setting, name: ContenderName): number {
  const output = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      "--child",
      setting,
      name,
      ...(QUICK ? ["--quick"] : []),
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(output.trim().split("\n").at(-1)!) as number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measure(label: string, setting: Setting): number {
  const rounds: Map<ContenderName, number>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results = new Map<ContenderName, number>();
    // Forward on even rounds, backward on odd ones: a drift within a round favours no contender.
    for (const name of round % 2 ? [...CONTENDERS].reverse() : CONTENDERS)
      results.set(name, measureInChild(setting, name));
    rounds.push(results);
  }
  console.log(
    `\n${label} (a fresh process per measurement, ${MEASURE_MS[setting]} ms after ${WARM_UP_MS} ms of warm-up; ` +
      `median of ${ROUNDS} rounds; ratio: median of the per-round ratios, [lowest–highest])`,
  );
  let goal = 0;
  for (const name of CONTENDERS) {
    const ops = median(rounds.map((results) => results.get(name)!));
    const perRound = rounds.map((results) => results.get(name)! / results.get("bare openapi-fetch GET")!);
    const ratio = median(perRound);
    if (name === "createCodegenClient GET") goal = ratio;
    console.log(
      `  ${name.padEnd(32)} ${Math.round(ops).toLocaleString("en").padStart(9)} ops/s  ${ratio.toFixed(2)}× bare` +
        `  [${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}]`,
    );
  }
  return goal;
}

const [flag, setting, name] = process.argv.slice(2);
if (flag === "--child") await child(setting as Setting, name as ContenderName);
else {
  await buildDistIfStale(root);
  const memory = measure("In-memory fetch", "memory");
  const loopback = measure("Keep-alive loopback node:http server", "loopback");
  console.log(
    `\nFull client vs bare openapi-fetch: ${memory.toFixed(2)}× in memory, ${loopback.toFixed(2)}× loopback (goal ≥ 0.9×)`,
  );
  console.log(`\n${formatHeapPerClient(measureHeapPerClient(root, QUICK ? 1 : undefined))}\n`);
  for (const name of Object.keys(BUNDLES) as BundleName[])
    console.log(formatBundleSize(await measureBundleSize(root, name)));
}
