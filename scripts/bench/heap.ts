/**
 * Heap per client (printed by `npm run bench`): what a program that creates many clients (one per tenant, per
 * request) pays for each. In a fresh process per measurement (node --expose-gc), a contender creates CLIENTS
 * clients and keeps them referenced; the heap's growth across full collections, divided by CLIENTS, is one
 * client's cost. A first batch, dropped, warms up first: compiled code and the shared tables a first client
 * builds are not per client. The clients measured come from the built dist/esm bundle users install, with the
 * default options (the documented rate-limit table).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../../src/generated/schema.js";

const CLIENTS = 5_000;
const ROUNDS = 5;
const CONTENDERS = ["bare openapi-fetch", "createCodegenApi", "createCodegenClient"] as const;
export type Contender = (typeof CONTENDERS)[number];
const TOKEN = "bench-token";

async function factory(root: string, name: Contender): Promise<() => unknown> {
  if (name === "bare openapi-fetch")
    return () =>
      createClient<paths>({
        baseUrl: "https://api.codegen.com",
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
  const entry = (await import(
    pathToFileURL(join(root, "dist/esm/index.js")).href
  )) as typeof import("../../src/index.js");
  if (name === "createCodegenApi") return () => entry.createCodegenApi({ token: TOKEN });
  return () => entry.createCodegenClient({ token: TOKEN });
}

/** In a child: bytes of heap per client. */
async function child(root: string, name: Contender): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const create = await factory(root, name);
  const fill = (clients: unknown[]) => {
    for (let i = 0; i < clients.length; i++) clients[i] = create();
  };
  // In a function of its own: no register of this frame keeps the warm-up batch alive.
  (() => fill(new Array(CLIENTS)))();
  // Allocated before the first reading: the references to the clients are not theirs.
  const clients = new Array(CLIENTS);
  gc();
  const before = process.memoryUsage().heapUsed;
  fill(clients);
  gc();
  console.log(JSON.stringify((process.memoryUsage().heapUsed - before) / clients.length));
}

/** Bytes of heap per client of one contender, measured in a fresh process (also a regression test's figure). */
export function measureHeapOf(root: string, name: Contender): number {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--child", root, name],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(output.trim().split("\n").at(-1)!) as number;
}

export interface HeapFigure {
  name: Contender;
  /** Median bytes per client over the rounds, and the lowest and highest round. */
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function measureHeapPerClient(root: string, roundCount = ROUNDS): HeapFigure[] {
  return CONTENDERS.map((name) => {
    const rounds = Array.from({ length: roundCount }, () => measureHeapOf(root, name)).sort((a, b) => a - b);
    return {
      name,
      median: rounds[Math.floor(roundCount / 2)]!,
      min: rounds[0]!,
      max: rounds.at(-1)!,
      rounds: roundCount,
    };
  });
}

export function formatHeapPerClient(figures: HeapFigure[]): string {
  const bare = figures.find((figure) => figure.name === "bare openapi-fetch")!.median;
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  const lines = figures.map(
    ({ name, median, min, max }) =>
      `  ${name.padEnd(22)} ${kB(median).padStart(9)}  ${(median / bare).toFixed(2)}× bare  [${kB(min)}–${kB(max)}]`,
  );
  return [
    `Heap per client (${CLIENTS.toLocaleString("en")} clients kept, a fresh process per round; ` +
      `median of ${figures[0]?.rounds ?? ROUNDS} rounds, [lowest–highest])`,
    ...lines,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [flag, root, name] = process.argv.slice(2);
  if (flag === "--child") await child(root!, name as Contender);
  else
    console.log(formatHeapPerClient(measureHeapPerClient(join(fileURLToPath(import.meta.url), "../../.."))));
}
