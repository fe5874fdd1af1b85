import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve, sep } from "node:path";

export interface DocsSite {
  /** "http://127.0.0.1:<port>/" */
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * Serves a docs directory the way docs.codegen.com does (GET /llms.txt, /api-reference/…/*.md) on 127.0.0.1.
 * `rewrite` may replace a response body (to serve a broken page); `stall` names paths answered with their headers
 * and the first bytes of the body, after which the server sends nothing more and never ends the response (a
 * hung docs host). Connections are not kept alive, so closing never waits (it also cuts stalled responses); the
 * server closes itself after `lifetimeMs` even if a test forgets to, and never keeps the process alive.
 */
export async function serveDocs(
  root: string,
  options: {
    rewrite?: (path: string, body: Buffer) => Buffer | string;
    stall?: (path: string) => boolean;
    lifetimeMs?: number;
  } = {},
): Promise<DocsSite> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(path);
    const file = resolve(root, "." + path);
    response.setHeader("connection", "close");
    if (request.method !== "GET" || !file.startsWith(root + sep)) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      if (options.stall?.(path)) {
        response.writeHead(200, { "content-type": "text/markdown; charset=utf-8" });
        response.write(body.subarray(0, 16));
        return;
      }
      response
        .writeHead(200, { "content-type": "text/markdown; charset=utf-8" })
        .end(options.rewrite ? options.rewrite(path, body) : body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  server.unref();
  const close = () =>
    new Promise<void>((closed) => {
      server.closeAllConnections();
      server.close(() => closed());
    });
  setTimeout(() => void close(), options.lifetimeMs ?? 60_000).unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests, close };
}
