import { open, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { ImportError } from "./errors.js";

/** Largest index or page accepted; the biggest page of the snapshot is ~15 KiB, so 1 MiB is generous. */
export const MAX_PAGE_BYTES = 1024 * 1024;
/** Default of `--page-timeout`: total time for one request, from sending it to the last byte of its body. */
export const DEFAULT_PAGE_TIMEOUT_SECONDS = 15;
/** Pages fetched at once from a URL source (polite to the docs host, plenty for 30 pages). */
export const FETCH_CONCURRENCY = 6;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A file of the docs as the importer sees it: decoded, with LF line ends and no BOM (see decodeSourceText). */
export interface SourceText {
  text: string;
  /** The file path or URL it was read from, for messages. */
  location: string;
}

/**
 * Where the docs are read from: a directory holding a copy of the site (`llms.txt` at its root) or the site's
 * URL. Pages are located by the path of their canonical URL, so a mirror yields the same fragments.
 */
export interface DocsSource {
  /** How the source is named in messages and in `x-source` (the index URL or file). */
  indexLocation: string;
  readIndex(): Promise<SourceText>;
  /** Reads the page whose canonical URL has this path (e.g. /api-reference/agents/get-agent-run.md). */
  readPage(urlPath: string): Promise<SourceText>;
}

export interface SourceOptions {
  /** Used for URL sources. */
  fetch: typeof fetch;
  /** Time allowed for each request of a URL source, body included. */
  pageTimeoutSeconds: number;
}

export function openSource(source: string, options: SourceOptions): DocsSource {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? urlSource(source, options) : directorySource(source);
}

/**
 * The one place where the bytes of a docs file become text: strict UTF-8, then a leading BOM dropped and CRLF or
 * lone CR line ends turned into LF. Everything downstream (index, overview, pages, the kept copies and their
 * provenance hash) sees only this text, so a page saved with Windows line ends imports exactly like its LF twin.
 */
export function decodeSourceText(bytes: Uint8Array, location: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new ImportError({ source: location }, "the file is not valid UTF-8", { cause: error });
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

function directorySource(directory: string): DocsSource {
  const root = resolve(directory);
  let realRoot: Promise<string> | undefined;
  const readText = async (file: string): Promise<SourceText> => {
    const bytes = await readContained(file, root, (realRoot ??= realpath(root)));
    return { text: decodeSourceText(bytes, file), location: file };
  };
  return {
    indexLocation: join(root, "llms.txt"),
    readIndex: () => readText(join(root, "llms.txt")),
    async readPage(urlPath) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(urlPath);
      } catch (error) {
        throw new ImportError({ source: urlPath }, "the page path is not valid percent-encoding", {
          cause: error,
        });
      }
      const file = resolve(root, "." + decoded);
      if (!isInside(file, root))
        throw new ImportError(
          { source: file },
          `the page path ${urlPath} leaves the source directory ${root}`,
        );
      return readText(file);
    },
  };
}

/**
 * Reads a file of a directory source, refusing one whose real path (symlinks resolved) is outside the real
 * docs root: a symlink in a docs copy must not make the import read, and keep a copy of, a file elsewhere.
 */
async function readContained(file: string, root: string, realRoot: Promise<string>): Promise<Uint8Array> {
  let real: string;
  let rootReal: string;
  try {
    [real, rootReal] = await Promise.all([realpath(file), realRoot]);
  } catch (error) {
    throw new ImportError(
      { source: file },
      "cannot read the file (is the source directory a docs copy with llms.txt?)",
      { cause: error },
    );
  }
  if (!isInside(real, rootReal)) {
    throw new ImportError(
      { source: file },
      `the file resolves through a symlink to ${real}, outside the docs directory ${root}: refusing to read it`,
    );
  }
  const handle = await open(real).catch((error: unknown) => {
    throw new ImportError({ source: file }, "cannot read the file", { cause: error });
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_PAGE_BYTES)
      throw new ImportError(
        { source: file },
        `the file is ${size} bytes, over the ${MAX_PAGE_BYTES}-byte cap`,
      );
    return new Uint8Array(await handle.readFile());
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError({ source: file }, "cannot read the file", { cause: error });
  } finally {
    await handle.close();
  }
}

/** Whether path is strictly below dir (both absolute). */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(".." + sep) && !isAbsolute(rel);
}

function urlSource(source: string, options: SourceOptions): DocsSource {
  const base = new URL(source);
  assertFetchable(base, source);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  const indexUrl = new URL("llms.txt", base);
  const limiter = concurrencyLimiter(FETCH_CONCURRENCY);
  const fetchText = async (url: URL): Promise<SourceText> => {
    const bytes = await limiter(() => fetchCapped(url, options));
    return { text: decodeSourceText(bytes, url.href), location: url.href };
  };
  return {
    indexLocation: indexUrl.href,
    readIndex: () => fetchText(indexUrl),
    readPage: (urlPath) => fetchText(new URL(urlPath.replace(/^\//, ""), base)),
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

/**
 * Fetches one page within the page timeout, which covers the whole request: connecting, the headers and every
 * byte of the body (a server that sends its headers and then stalls is cut off too). The timer is our own
 * (not AbortSignal.timeout, which can be garbage-collected before it fires and leave the import hanging), it
 * rejects even if the fetch ignores the abort, and it is cleared as soon as the page is read.
 */
async function fetchCapped(url: URL, options: SourceOptions): Promise<Uint8Array> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new ImportError(
          { source: url.href },
          `timed out after ${options.pageTimeoutSeconds} s without a complete answer (see --page-timeout)`,
        ),
      );
      controller.abort();
    }, options.pageTimeoutSeconds * 1000);
  });
  try {
    return await Promise.race([fetchBody(url, options.fetch, controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchBody(url: URL, fetchImpl: typeof fetch, signal: AbortSignal): Promise<Uint8Array> {
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
    return await readBodyCapped(response, url.href, signal);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError({ source: url.href }, `fetch failed: ${describe(error)}`, { cause: error });
  }
}

/**
 * Reads the body chunk by chunk so an undeclared or lying Content-Length cannot make us buffer gigabytes. On
 * abort (the page timeout) the body is cancelled: aborting the fetch alone does not always release a connection
 * stalled mid-body (Node 20's fetch, when the abort lands during a read), and an open socket would keep
 * `npm run docs:import` from exiting after it reported the timeout.
 */
async function readBodyCapped(
  response: Response,
  location: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener("abort", cancel, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
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
  } finally {
    signal.removeEventListener("abort", cancel);
  }
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
