/**
 * A loopback HTTP server that answers each request from a per-route script of faults, then with a default JSON
 * success. It records every request it saw (method, path, body, arrival time) so tests can count attempts and
 * prove that no POST was sent twice. Binds 127.0.0.1 on a free port; `close()` drops stalled connections too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Fault =
  /** A JSON answer (default 200 `{ ok: true }`), optionally after a delay. */
  | { kind: "json"; status?: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** An error status with a JSON body and, optionally, a `Retry-After` header (seconds or HTTP date). */
  | { kind: "status"; status: number; retryAfter?: string }
  /** A proxy's HTML error page. */
  | { kind: "html"; status: number }
  /** Headers and half the body, then the socket is destroyed (ECONNRESET mid-response). */
  | { kind: "reset" }
  /** The socket is destroyed before any answer. */
  | { kind: "reset-before-headers" }
  /** Headers and part of the body, then nothing, ever. */
  | { kind: "stall-body" }
  /** No answer at all. */
  | { kind: "stall-headers" }
  /** 200 with an empty body. */
  | { kind: "empty" }
  /** A Content-Length larger than what is sent: the JSON is cut off and the connection ends. */
  | { kind: "truncated-json" };

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
  /** `performance.now()` when the request arrived (same clock as the test process). */
  at: number;
  /** The client closed the connection before the answer was complete (an aborted or timed-out attempt). */
  cutOff: boolean;
}

export interface FaultServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** Queues faults for "METHOD /path" (path without query); each request consumes one, then the default applies. */
  script(route: string, ...faults: Fault[]): void;
  /** Answer every request of a route with this fault once its script is used up (default `{ kind: "json" }`). */
  setDefault(route: string, fault: Fault): void;
  readonly requests: RecordedRequest[];
  /** How many requests the server saw for "METHOD /path". */
  attempts(route: string): number;
  reset(): void;
  close(): Promise<void>;
}

const successBody = JSON.stringify({
  ok: true,
  message: "all good, this body is long enough to be cut in half",
});

export async function startFaultServer(): Promise<FaultServer> {
  const scripts = new Map<string, Fault[]>();
  const defaults = new Map<string, Fault>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const route = `${req.method} ${path}`;
      const record = {
        method: req.method ?? "",
        path,
        body: Buffer.concat(chunks).toString("utf8"),
        at,
        cutOff: false,
      };
      requests.push(record);
      res.on("close", () => (record.cutOff ||= !res.writableFinished));
      const fault = scripts.get(route)?.shift() ?? defaults.get(route) ?? { kind: "json" };
      answer(fault, req, res);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  function answer(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    switch (fault.kind) {
      case "json": {
        const send = () => {
          const body = fault.body === undefined ? successBody : JSON.stringify(fault.body);
          res.writeHead(fault.status ?? 200, { "content-type": "application/json", ...fault.headers });
          res.end(body);
        };
        if (!fault.delayMs) return send();
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, fault.delayMs);
        timers.add(timer);
        return;
      }
      case "status": {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        res.end(JSON.stringify({ message: `Injected ${fault.status}`, status_code: fault.status }));
        return;
      }
      case "html":
        res.writeHead(fault.status, { "content-type": "text/html" });
        res.end(`<html><head><title>${fault.status} Bad Gateway</title></head><body>nginx</body></html>`);
        return;
      case "reset":
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": String(successBody.length),
        });
        res.write(successBody.slice(0, successBody.length / 2), () => req.socket.destroy());
        return;
      case "reset-before-headers":
        req.socket.destroy();
        return;
      case "stall-body":
        res.writeHead(200, { "content-type": "application/json" });
        res.write(successBody.slice(0, 10));
        return;
      case "stall-headers":
        return;
      case "empty":
        res.writeHead(200, { "content-type": "application/json", "content-length": "0" });
        res.end();
        return;
      case "truncated-json":
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": String(successBody.length),
        });
        res.end(successBody.slice(0, 20), () => req.socket.end());
        return;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    script(route, ...faults) {
      scripts.set(route, [...(scripts.get(route) ?? []), ...faults]);
    },
    setDefault(route, fault) {
      defaults.set(route, fault);
    },
    requests,
    attempts: (route) => requests.filter((r) => `${r.method} ${r.path}` === route).length,
    reset() {
      scripts.clear();
      defaults.clear();
      requests.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
