/**
 * `npm run bench`: ops/s of the same GET (/v1/users/me) through
 *   - createCodegenClient (helpers and resilience on: throttle, timeout, retry bookkeeping, auth), raw and helper call
 *   - bare openapi-fetch (createClient with the Authorization header)
 *   - raw fetch + JSON parse
 * over an in-memory fetch (the client's own overhead) and over a keep-alive loopback node:http server (what it
 * costs next to a real round trip), then the ratios (goal: full client ≥ 0.9× bare openapi-fetch) and the
 * gzipped size of the ESM entry. Rounds interleave the contenders so drift (JIT, GC, CPU sharing) hits all alike.
 * The client measured is the built dist/esm bundle users install (rebuilt first when src/ changed), not src/
 * through tsx, whose keepNames transform adds a call to every closure created on the hot path.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../../src/generated/schema.js";
import { buildDistIfStale } from "../lib/build/dist-step.js";
import { formatBundleSize, measureBundleSize } from "../size.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
await buildDistIfStale(root);
const { createCodegenClient } = (await import(
  pathToFileURL(join(root, "dist/esm/index.js")).href
)) as typeof import("../../src/index.js");

const TOKEN = "bench-token";
const USER = {
  id: 1,
  email: "dev@example.com",
  github_user_id: "1",
  github_username: "dev",
  full_name: "Dev",
};
const USER_JSON = JSON.stringify(USER);
const ROUNDS = 15;
const ROUND_MS = { memory: 200, loopback: 400 };
// Throttling stays on, with a limit the benchmark cannot reach: the limiter's bookkeeping is part of the cost.
const unthrottledLimits = {
  rateLimitGroups: { standard: { limit: 1_000_000, windowMs: 1000 } },
  operationGroups: {},
};

type Contender = { name: string; call: () => Promise<unknown> };

function contenders(baseUrl: string, fetchImpl: typeof fetch): Contender[] {
  const full = createCodegenClient({
    token: TOKEN,
    baseUrl,
    fetch: fetchImpl,
    rateLimits: unthrottledLimits,
  });
  const bare = createClient<paths>({
    baseUrl,
    fetch: fetchImpl,
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  const headers = { Authorization: `Bearer ${TOKEN}` };
  return [
    { name: "createCodegenClient GET", call: () => full.GET("/v1/users/me") },
    { name: "createCodegenClient users.me()", call: () => full.users.me() },
    { name: "bare openapi-fetch GET", call: () => bare.GET("/v1/users/me") },
    {
      name: "raw fetch + json()",
      call: () => fetchImpl(`${baseUrl}/v1/users/me`, { headers }).then((r) => r.json()),
    },
  ];
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Each round runs every contender back to back, so the round's ratios to bare openapi-fetch compare runs made
 * under the same machine load; the goal figure is the median of those per-round ratios (load on this shared
 * machine moves whole rounds, which a ratio of separate medians would not cancel).
 */
async function measure(label: string, list: Contender[], roundMs: number) {
  for (const { call } of list) await opsPerSecond(call, 100); // warm-up
  const rounds: Map<string, number>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results = new Map<string, number>();
    // Forward on even rounds, backward on odd ones: a drift within a round favours no contender.
    for (const { name, call } of round % 2 ? [...list].reverse() : list)
      results.set(name, await opsPerSecond(call, roundMs));
    rounds.push(results);
  }
  console.log(
    `\n${label} (median of ${ROUNDS} rounds × ${roundMs} ms; ratio: median of the per-round ratios, ` +
      "then the middle half of them)",
  );
  const ratios = new Map<string, number>();
  for (const { name } of list) {
    const ops = median(rounds.map((results) => results.get(name)!));
    const perRound = rounds
      .map((results) => results.get(name)! / results.get("bare openapi-fetch GET")!)
      .sort((x, y) => x - y);
    const ratio = median(perRound);
    const quartile = (q: number) => perRound[Math.floor((perRound.length - 1) * q)]!.toFixed(2);
    ratios.set(name, ratio);
    console.log(
      `  ${name.padEnd(32)} ${Math.round(ops).toLocaleString("en").padStart(9)} ops/s  ${ratio.toFixed(2)}× bare` +
        `  (${quartile(0.25)}–${quartile(0.75)})`,
    );
  }
  return ratios;
}

const memoryFetch: typeof fetch = async () =>
  new Response(USER_JSON, {
    headers: { "content-type": "application/json", "content-length": `${USER_JSON.length}` },
  });

const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(USER_JSON) });
  res.end(USER_JSON);
});
server.keepAliveTimeout = 5_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const loopbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

try {
  const memory = await measure(
    "In-memory fetch",
    contenders("https://api.codegen.com", memoryFetch),
    ROUND_MS.memory,
  );
  const loopback = await measure(
    "Keep-alive loopback node:http server",
    contenders(loopbackUrl, (input, init) => fetch(input, init)),
    ROUND_MS.loopback,
  );
  const goal = (ratios: Map<string, number>) => ratios.get("createCodegenClient GET")!.toFixed(2);
  console.log(
    `\nFull client vs bare openapi-fetch: ${goal(memory)}× in memory, ${goal(loopback)}× loopback (goal ≥ 0.9×)`,
  );
  console.log(formatBundleSize(await measureBundleSize(root)));
} finally {
  server.closeAllConnections();
  server.close();
}
