import { cp, mkdtemp, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";

export const SNAPSHOT = resolve("test/fixtures/codegen-docs");
export const VARIANTS = resolve("test/fixtures/docs-variants");

/** The snapshot with a variant's overlay (its llms.txt and api-reference pages) copied over it, in a temp dir. */
export async function docsWithVariant(variant: string | undefined, parent: string): Promise<string> {
  const docs = await mkdtemp(join(parent, "docs-"));
  await cp(SNAPSHOT, docs, { recursive: true });
  if (variant !== undefined) {
    const overlay = join(VARIANTS, variant);
    await cp(overlay, docs, {
      recursive: true,
      filter: (source) => !/^(expected\.(json|md)|README\.md)$/.test(source.slice(overlay.length + 1)),
    });
  }
  return docs;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Serves a docs copy the way docs.codegen.com does (GET /llms.txt, /api-reference/…/*.md) on 127.0.0.1.
 * The server closes itself after `lifetimeMs` even if a test forgets to, and never keeps the process alive.
 */
export async function serveDocs(
  root: string,
  lifetimeMs = 60_000,
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(path);
    const file = resolve(root, "." + path);
    if (request.method !== "GET" || !file.startsWith(root + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response
        .writeHead(200, { "content-type": "text/markdown; charset=utf-8", "content-length": body.byteLength })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  server.unref();
  const close = () =>
    new Promise<void>((closed) => {
      server.closeAllConnections();
      server.close(() => closed());
    });
  setTimeout(() => void close(), lifetimeMs).unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close };
}
