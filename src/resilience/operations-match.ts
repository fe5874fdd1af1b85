import type { OperationRef } from "../errors.js";

/** What a request URL resolves to: its documented operation (or the raw path) and its rate-limit group. */
export interface MatchedOperation {
  operation: OperationRef;
  group: string;
}

/** Maps a request's method and URL to its "METHOD /path/{template}" and rate-limit group. */
export type OperationMatcher = (method: string, url: string) => MatchedOperation;

interface CompiledTemplate {
  /** One entry per path segment: the literal to compare, or `null` for a `{param}`. */
  segments: (string | null)[];
  /** Built once, returned by every match. */
  matched: MatchedOperation;
}

/**
 * Compiles `operationGroups` ("METHOD /path/{template}" → group) once, indexed by method and segment count, so a
 * request only compares against the few templates of its own shape. Within a bucket, templates with literals
 * earlier are tried first: `/agent/run/ban` must win over `/agent/run/{agent_run_id}`.
 * Paths that match no template keep their concrete path and fall into `fallbackGroup`.
 */
export function createOperationMatcher(
  operationGroups: Record<string, string>,
  options: { baseUrl?: string; fallbackGroup: string },
): OperationMatcher {
  const buckets = new Map<string, CompiledTemplate[]>();
  for (const [key, group] of Object.entries(operationGroups)) {
    const space = key.indexOf(" ");
    const method = key.slice(0, space).toUpperCase();
    const path = key.slice(space + 1);
    if (space <= 0 || !path.startsWith("/")) {
      throw new TypeError(`operationGroups: "${key}" is not "METHOD /path/template"`);
    }
    const segments = splitPath(path).map((segment) => (segment.startsWith("{") ? null : segment));
    const bucketKey = `${method} ${segments.length}`;
    const bucket = buckets.get(bucketKey) ?? [];
    bucket.push({ segments, matched: { operation: { method, path }, group } });
    buckets.set(bucketKey, bucket);
  }
  for (const bucket of buckets.values()) bucket.sort(bySpecificity);

  // "https://api.codegen.com" has no prefix; "https://proxy.example/codegen/" has "/codegen".
  const basePath = options.baseUrl ? pathOf(options.baseUrl).replace(/\/+$/, "") : "";
  const { fallbackGroup } = options;

  return function matchOperation(method, url) {
    let path = pathOf(url);
    if (basePath && (path === basePath || path.startsWith(`${basePath}/`)))
      path = path.slice(basePath.length) || "/";
    const segments = splitPath(path);
    const bucket = buckets.get(`${method} ${segments.length}`);
    if (bucket) {
      for (const template of bucket) {
        if (matches(template.segments, segments)) return template.matched;
      }
    }
    return { operation: { method, path }, group: fallbackGroup };
  };
}

function matches(template: (string | null)[], segments: string[]): boolean {
  for (let i = 0; i < template.length; i++) {
    const literal = template[i];
    if (literal !== null && literal !== segments[i]) return false;
  }
  return true;
}

/** Literal segments before parameters, left to right. */
function bySpecificity(a: CompiledTemplate, b: CompiledTemplate): number {
  for (let i = 0; i < a.segments.length; i++) {
    const aParam = a.segments[i] === null;
    const bParam = b.segments[i] === null;
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return 0;
}

function splitPath(path: string): string[] {
  return trimTrailingSlash(path).split("/").slice(1);
}

function trimTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

/** The path of an absolute or path-only URL, without query or fragment; cheaper than `new URL()` on the hot path. */
export function pathOf(url: string): string {
  const scheme = url.indexOf("://");
  const start = scheme === -1 ? 0 : url.indexOf("/", scheme + 3);
  if (start === -1) return "/";
  let end = url.length;
  const query = url.indexOf("?", start);
  if (query !== -1) end = query;
  const hash = url.indexOf("#", start);
  if (hash !== -1 && hash < end) end = hash;
  return url.slice(start, end) || "/";
}
