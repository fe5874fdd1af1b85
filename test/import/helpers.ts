import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";

export const FIXTURE_DOCS = resolve(import.meta.dirname, "../fixtures/codegen-docs");
export const COMMITTED_FRAGMENTS = resolve(import.meta.dirname, "../../openapi");

/** A scratch directory removed by the returned cleanup. */
export async function scratchDir(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "codegen-import-"));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** A copy of the docs snapshot that a test may edit. */
export async function copyOfDocs(into: string): Promise<string> {
  const docs = join(into, "docs");
  await cp(FIXTURE_DOCS, docs, { recursive: true });
  return docs;
}

/** Every file under dir (relative, "/"-separated) with its content. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    tree.set(
      full
        .slice(dir.length + 1)
        .split(sep)
        .join("/"),
      await readFile(full, "utf8"),
    );
  }
  return tree;
}

/**
 * Serves a directory over http on 127.0.0.1 (an ephemeral port). `rewrite` may replace a response body.
 * Closed by the returned `close`; connections are not kept alive so closing never waits.
 */
export async function serveDirectory(
  root: string,
  rewrite?: (path: string, body: Buffer) => Buffer | string,
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    requests.push(path);
    const file = resolve(root, "." + path);
    response.setHeader("connection", "close");
    if (!file.startsWith(root + sep)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response
        .writeHead(200, { "content-type": "text/markdown; charset=utf-8" })
        .end(rewrite ? rewrite(path, body) : body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
