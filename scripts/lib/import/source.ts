import { readFile, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { ImportError } from "./errors.js";

/** Largest index or page accepted; the biggest page of the snapshot is ~15 KiB, so 1 MiB is generous. */
export const MAX_PAGE_BYTES = 1024 * 1024;
/** Total time allowed for one request, from sending it to the last byte of its body. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Pages fetched at once from a URL source (polite to the docs host, plenty for 30 pages). */
export const FETCH_CONCURRENCY = 6;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Where the docs are read from: a directory holding a copy of the site (`llms.txt` at its root) or the site's
 * URL. Pages are located by the path of their canonical URL, so a mirror yields the same fragments.
 */
export interface DocsSource {
  /** How the source is named in messages and in `x-source` (the index URL or file). */
  indexLocation: string;
  readIndex(): Promise<Uint8Array>;
  /** Reads the page whose canonical URL has this path (e.g. /api-reference/agents/get-agent-run.md). */
  readPage(urlPath: string): Promise<{ bytes: Uint8Array; location: string }>;
}

export function openSource(source: string, fetchImpl: typeof fetch): DocsSource {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? urlSource(source, fetchImpl) : directorySource(source);
}

function directorySource(directory: string): DocsSource {
  const root = resolve(directory);
  const readCapped = async (file: string): Promise<Uint8Array> => {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      throw new ImportError(
        { source: file },
        "cannot read the file (is the source directory a docs copy with llms.txt?)",
        { cause: error },
      );
    }
    if (size > MAX_PAGE_BYTES)
      throw new ImportError(
        { source: file },
        `the file is ${size} bytes, over the ${MAX_PAGE_BYTES}-byte cap`,
      );
    return new Uint8Array(await readFile(file));
  };
  return {
    indexLocation: join(root, "llms.txt"),
    readIndex: () => readCapped(join(root, "llms.txt")),
    async readPage(urlPath) {
      const file = resolve(root, "." + decodeURIComponent(urlPath));
      if (!file.startsWith(root + sep))
        throw new ImportError({ source: urlPath }, "the page path leaves the source directory");
      return { bytes: await readCapped(file), location: file };
    },
  };
}

function urlSource(source: string, fetchImpl: typeof fetch): DocsSource {
  const base = new URL(source);
  assertFetchable(base, source);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  const indexUrl = new URL("llms.txt", base);
  const limiter = concurrencyLimiter(FETCH_CONCURRENCY);
  return {
    indexLocation: indexUrl.href,
    readIndex: () => limiter(() => fetchCapped(indexUrl, fetchImpl)),
    async readPage(urlPath) {
      const url = new URL(urlPath.replace(/^\//, ""), base);
      return { bytes: await limiter(() => fetchCapped(url, fetchImpl)), location: url.href };
    },
  };
}

/** https only; plain http is allowed for loopback hosts so tests can serve the snapshot locally. */
export function assertFetchable(url: URL, source: string): void {
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return;
  throw new ImportError(
    { source },
    `refusing ${url.protocol}// : docs are fetched over https (http only for 127.0.0.1, localhost, [::1])`,
  );
}

async function fetchCapped(url: URL, fetchImpl: typeof fetch): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  try {
    // Redirects are refused: following one could leave the origin the index was checked against.
    const response = await fetchImpl(url, {
      signal,
      redirect: "error",
      headers: { accept: "text/markdown, text/plain" },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImportError({ source: url.href }, `HTTP ${response.status} ${response.statusText}`.trim());
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > MAX_PAGE_BYTES) {
      await response.body?.cancel();
      throw new ImportError(
        { source: url.href },
        `the page is ${declared} bytes, over the ${MAX_PAGE_BYTES}-byte cap`,
      );
    }
    return await readBodyCapped(response, url.href);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason = signal.aborted ? `no complete answer within ${REQUEST_TIMEOUT_MS} ms` : describe(error);
    throw new ImportError({ source: url.href }, `fetch failed: ${reason}`, { cause: error });
  }
}

/** Reads the body chunk by chunk so an undeclared or lying Content-Length cannot make us buffer gigabytes. */
async function readBodyCapped(response: Response, location: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_PAGE_BYTES) {
      await reader.cancel();
      throw new ImportError({ source: location }, `the page is over the ${MAX_PAGE_BYTES}-byte cap`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function concurrencyLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finished task hands its slot straight to the next waiter, so a newcomer cannot overtake it.
    if (active < limit) active++;
    else await new Promise<void>((takeSlot) => waiting.push(takeSlot));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
