import { createHash } from "node:crypto";
import { readdir, readFile, rm, rmdir } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { writeFilesAtomically } from "../fs-atomic.js";
import { parseDocsIndex, type ReferencePage } from "./docs-index.js";
import { ImportError } from "./errors.js";
import { emitYaml } from "./emit.js";
import { fragmentFolderProblem, KEPT_PAGES_DIR } from "./fragment-folders.js";
import { isRecord, type JsonObject } from "../json.js";
import { convertMintlifyBlock, isMintlifyBlock } from "./mintlify.js";
import { fastApiOperationId } from "./operation-id.js";
import { parseBlockYaml, parseDocsPage } from "./page.js";
import { isPlainOpenApiBlock, readPlainBlock } from "./plain.js";
import {
  assignRateLimit,
  parseOverviewRateLimits,
  parsePageRateLimit,
  type RateLimitPolicy,
} from "./rate-limits.js";
import { DEFAULT_PAGE_TIMEOUT_SECONDS, openSource, type DocsSource } from "./source.js";

export interface ImportOptions {
  /** A directory holding a copy of the docs site (llms.txt at its root) or the site's https URL. */
  source: string;
  /** Where fragments go: `<outDir>/<section>/<slug>.yaml`. */
  outDir: string;
  /** Used for URL sources (tests may pass their own; defaults to the global fetch). */
  fetch?: typeof fetch;
  /** Seconds allowed for each request of a URL source, body included (`--page-timeout`; default 15). */
  pageTimeoutSeconds?: number;
  /** Receives one line per added/changed/removed fragment and a summary; silent by default. */
  log?: (line: string) => void;
}

/** Paths relative to outDir, with "/" separators, sorted. */
export interface FileChanges {
  /** Every file whose content was (re)written: the added ones and the changed ones. */
  written: string[];
  /** The subset of `written` that did not exist before. */
  added: string[];
  unchanged: string[];
  /** Files whose page left the index (in docs-pages/, also any other file the import did not keep). */
  removed: string[];
}

/** The fragments (`<section>/<slug>.yaml`; removed: those carrying `x-source`) and the kept pages. */
export interface ImportResult extends FileChanges {
  /** The copy of the pages read, under `docs-pages/` (see KEPT_PAGES_DIR). */
  pages: FileChanges;
}

/**
 * Imports every operation page listed by the docs index into one OpenAPI 3.1 fragment per page, and keeps a
 * copy of the pages read under `<outDir>/docs-pages/`. Every page is read and converted before anything is
 * written, and fragments and pages are written as one atomic set, so a bad page leaves both exactly as they were.
 */
export async function importDocs(options: ImportOptions): Promise<ImportResult> {
  const log = options.log ?? (() => {});
  const outDir = resolve(options.outDir);
  const source = openSource(options.source, {
    fetch: options.fetch ?? globalThis.fetch,
    pageTimeoutSeconds: options.pageTimeoutSeconds ?? DEFAULT_PAGE_TIMEOUT_SECONDS,
  });
  const indexText = (await source.readIndex()).text;
  const index = parseDocsIndex(indexText, source.indexLocation);

  const overview = index.find((page) => page.section === undefined && page.slug === "overview");
  if (!overview)
    throw new ImportError(
      { source: source.indexLocation },
      "the index links no /api-reference/overview.md (it holds the rate limits)",
    );
  const operationPages = index.filter((page) => page.section !== undefined);
  if (operationPages.length === 0)
    throw new ImportError(
      { source: source.indexLocation },
      "the index links no API-reference operation page",
    );

  const [overviewRead, pagesRead] = await Promise.all([
    readOverview(source, overview),
    Promise.all(
      operationPages.map(async (page) => ({ page, ...(await source.readPage(new URL(page.url).pathname)) })),
    ),
  ]);
  const files = new Map<string, string>();
  const operations = new Map<string, string>();
  const pages = new Map<string, string>([
    ["llms.txt", indexText],
    [keptPagePath(overview), overviewRead.text],
  ]);
  for (const { page, text, location } of pagesRead) {
    const { document, operation } = buildFragment(page, text, location, overviewRead.policy);
    const clash = operations.get(operation);
    if (clash)
      throw new ImportError({ source: location, operation }, `the operation is also documented by ${clash}`);
    operations.set(operation, location);
    files.set(`${page.section}/${page.slug}.yaml`, emitYaml(document));
    pages.set(keptPagePath(page), text);
  }
  return writeImport(outDir, files, pages, log);
}

async function readOverview(
  source: DocsSource,
  overview: ReferencePage,
): Promise<{ policy: RateLimitPolicy; text: string }> {
  const { text, location } = await source.readPage(new URL(overview.url).pathname);
  return { policy: parseOverviewRateLimits(text, location), text };
}

/** Where a page is kept: its path on the site (as a directory source reads it), under KEPT_PAGES_DIR. */
function keptPagePath(page: ReferencePage): string {
  return new URL(page.url).pathname.slice(1);
}

/** Converts one operation page (either format, text as the source decoded it) into its fragment document. */
export function buildFragment(
  page: ReferencePage,
  text: string,
  location: string,
  policy: RateLimitPolicy,
): { document: JsonObject; operation: string } {
  const section = page.section!;
  const docsPage = parseDocsPage(text, location);
  if (!docsPage.fence) {
    throw new ImportError(
      { source: location },
      "missing ````yaml block: an operation page must embed its OpenAPI",
    );
  }
  const fenceOperation = `${docsPage.fence.method.toUpperCase()} ${docsPage.fence.path}`;
  const context = { source: location, operation: fenceOperation };
  const block = parseBlockYaml(docsPage.fence.yaml, context);
  const xSource = { url: page.url, sha256: createHash("sha256").update(text).digest("hex") };
  const agreeWithFence = (method: string, path: string): void => {
    if (method !== docsPage.fence!.method || path !== docsPage.fence!.path) {
      throw new ImportError(
        context,
        `the fence header names ${fenceOperation} but the block documents ${method.toUpperCase()} ${path}`,
      );
    }
  };
  const stated = parsePageRateLimit(docsPage.description, context);

  if (isPlainOpenApiBlock(block)) {
    const plain = readPlainBlock(block, location);
    agreeWithFence(plain.method, plain.path);
    const operationId = typeof plain.operation.operationId === "string" ? plain.operation.operationId : "";
    if (!operationId) throw new ImportError(context, "the plain OpenAPI operation has no operationId");
    const summary = typeof plain.operation.summary === "string" ? plain.operation.summary : docsPage.title;
    const rateLimit = assignRateLimit(policy, stated, { summary, path: plain.path, tag: section }, context);
    // Upstream repeats each tag once per router it is mounted on; the page's section is the tag that counts.
    const operation = { ...plain.operation, tags: [section], "x-rate-limit": rateLimit };
    const pathItem = {
      ...((plain.document.paths as JsonObject)[plain.path] as JsonObject),
      [plain.method]: operation,
    };
    const { openapi, info, ...rest } = plain.document;
    return {
      document: { openapi, info, "x-source": xSource, ...rest, paths: { [plain.path]: pathItem } },
      operation: fenceOperation,
    };
  }

  if (isMintlifyBlock(block)) {
    const converted = convertMintlifyBlock(block, location);
    agreeWithFence(converted.method, converted.path);
    const operationId = fastApiOperationId(docsPage.title, converted.method, converted.path);
    const rateLimit = assignRateLimit(
      policy,
      stated,
      { summary: docsPage.title, path: converted.path, tag: section },
      context,
    );
    const operation: JsonObject = {
      tags: [section],
      summary: docsPage.title,
      ...(docsPage.description ? { description: docsPage.description } : {}),
      operationId,
      ...converted.operation,
      "x-rate-limit": rateLimit,
    };
    const document: JsonObject = {
      openapi: "3.1.0",
      // OpenAPI requires info; the rendered block has none, so the fragment is named after its page.
      info: { title: docsPage.title, version: "0.0.0" },
      "x-source": xSource,
      ...(converted.servers !== undefined ? { servers: converted.servers } : {}),
      ...(converted.security !== undefined ? { security: converted.security } : {}),
      paths: { [converted.path]: { [converted.method]: operation } },
      ...(Object.keys(converted.components).length > 0 ? { components: converted.components } : {}),
    };
    return { document, operation: fenceOperation };
  }

  const keys = isRecord(block) ? Object.keys(block).join(", ") : typeof block;
  throw new ImportError(
    context,
    `unknown format: the block is neither OpenAPI 3.1 (openapi + paths) nor Mintlify-rendered (paths.path/method/request); it has ${keys || "nothing"}`,
  );
}

/**
 * Writes the fragments and the kept pages that changed as one atomic set, then removes the fragments and the
 * kept pages whose page left the index.
 */
async function writeImport(
  outDir: string,
  fragments: Map<string, string>,
  pages: Map<string, string>,
  log: (line: string) => void,
): Promise<ImportResult> {
  const keptPages = new Map([...pages].map(([path, text]) => [`${KEPT_PAGES_DIR}/${path}`, text]));
  const fragmentChanges = await compareWithDisk(outDir, fragments, log);
  const pageChanges = await compareWithDisk(outDir, keptPages, log);
  await writeFilesAtomically(new Map([...fragmentChanges.toWrite, ...pageChanges.toWrite]));

  const result: ImportResult = { ...fragmentChanges.changes, pages: pageChanges.changes };
  for (const relative of await existingFragments(outDir)) {
    if (fragments.has(relative)) continue;
    await rm(join(outDir, ...relative.split("/")));
    result.removed.push(relative);
    log(`removed ${relative}`);
    await rmdir(join(outDir, relative.split("/")[0]!)).catch(() => {}); // only succeeds once the section is empty
  }
  result.pages.removed = await removeStalePages(outDir, keptPages, log);

  log(summary(`${fragments.size} fragments`, result));
  log(summary(`${keptPages.size} pages kept in ${KEPT_PAGES_DIR}/`, result.pages));
  return result;
}

/** Sorts files (relative path → content) into unchanged and to be written, logging each added or changed one. */
async function compareWithDisk(
  outDir: string,
  files: Map<string, string>,
  log: (line: string) => void,
): Promise<{ changes: FileChanges; toWrite: Map<string, string> }> {
  const changes: FileChanges = { written: [], added: [], unchanged: [], removed: [] };
  const toWrite = new Map<string, string>();
  for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = join(outDir, ...relative.split("/"));
    const previous = await readFile(target, "utf8").catch(() => undefined);
    if (previous === content) {
      changes.unchanged.push(relative);
      continue;
    }
    toWrite.set(target, content);
    changes.written.push(relative);
    if (previous === undefined) changes.added.push(relative);
    log(`${previous === undefined ? "added  " : "changed"} ${relative}`);
  }
  return { changes, toWrite };
}

/**
 * Removes every file of KEPT_PAGES_DIR that is not one of the pages just kept (the import owns the directory),
 * then the directories left empty, deepest first.
 */
async function removeStalePages(
  outDir: string,
  keptPages: Map<string, string>,
  log: (line: string) => void,
): Promise<string[]> {
  const root = join(outDir, KEPT_PAGES_DIR);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  const directories: string[] = [];
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) {
      directories.push(full);
      continue;
    }
    const path = [KEPT_PAGES_DIR, ...relative(root, full).split(sep)].join("/");
    if (keptPages.has(path)) continue;
    await rm(full);
    removed.push(path);
    log(`removed ${path}`);
  }
  directories.sort((a, b) => b.length - a.length);
  for (const directory of directories) await rmdir(directory).catch(() => {}); // only succeeds when empty
  return removed.sort();
}

function summary(what: string, changes: FileChanges): string {
  const changed = changes.written.length - changes.added.length;
  return `${what}: ${changes.added.length} added, ${changed} changed, ${changes.unchanged.length} unchanged, ${changes.removed.length} removed`;
}

/** Fragments the importer owns: `<section>/<slug>.yaml` files carrying a top-level `x-source`. */
async function existingFragments(outDir: string): Promise<string[]> {
  const sections = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const section of sections) {
    if (!section.isDirectory() || fragmentFolderProblem(section.name)) continue;
    for (const file of await readdir(join(outDir, section.name))) {
      if (!file.endsWith(".yaml")) continue;
      const text = await readFile(join(outDir, section.name, file), "utf8");
      if (/^x-source:/m.test(text)) found.push(`${section.name}/${file}`);
    }
  }
  return found.sort();
}
