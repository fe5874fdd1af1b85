/**
 * A loopback fake of the one Codegen call the shared-budget tests and `npm run bench:shared` make (create agent
 * run), strict as the real API is documented to be: more than `limit` arrivals in any `windowMs` earn a 429, with
 * no Retry-After (as Codegen answers). Arrival times are recorded, to count the most in any window.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export const CREATE_RUN = "/v1/organizations/{org_id}/agent/run";

export interface LimitedApi {
  url: string;
  /** performance.now() of every request's arrival, in order. */
  arrivals: number[];
  /** How many answers were 429 because of the window. */
  rejected: number;
  /** Answers the next request with 429 and `Retry-After: seconds`; resolves with the time that answer left. */
  retryAfterNext(seconds: number): Promise<number>;
  /** Resolves once `count` requests have arrived in all. */
  arrived(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startLimitedApi(options: { limit: number; windowMs: number; tokens: string[] }) {
  const { limit, windowMs, tokens } = options;
  const arrivals: number[] = [];
  const awaited: { count: number; resolve: () => void }[] = [];
  let pending: { seconds: number; sent: (at: number) => void } | undefined;
  const api: LimitedApi = {
    url: "",
    arrivals,
    rejected: 0,
    retryAfterNext: (seconds) => new Promise((sent) => (pending = { seconds, sent })),
    arrived: (count) =>
      new Promise((resolve) => {
        if (arrivals.length >= count) resolve();
        else awaited.push({ count, resolve });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const now = performance.now();
    req.resume();
    req.on("end", () => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      if (!tokens.some((token) => req.headers.authorization === `Bearer ${token}`))
        return json(401, { message: "Invalid or missing API token.", status_code: 401 });
      if (req.method !== "POST" || !/^\/v1\/organizations\/\d+\/agent\/run$/.test(req.url ?? ""))
        return json(404, { message: "Not found.", status_code: 404 });
      const recent = arrivals.filter((at) => now - at < windowMs).length;
      arrivals.push(now);
      for (const waiter of awaited.filter(({ count }) => arrivals.length >= count)) {
        awaited.splice(awaited.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (pending) {
        const { seconds, sent } = pending;
        pending = undefined;
        json(429, { message: "Rate limit exceeded.", status_code: 429 }, { "retry-after": String(seconds) });
        return sent(performance.now());
      }
      if (recent >= limit) {
        api.rejected++;
        return json(429, { message: "Rate limit exceeded. Please try again later.", status_code: 429 });
      }
      json(200, { id: arrivals.length, status: "ACTIVE", web_url: "https://codegen.com/agent/trace/1" });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}

export { maxInAnyWindow } from "../../scripts/lib/windows.js";
