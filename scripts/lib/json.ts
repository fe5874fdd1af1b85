import { relative } from "node:path";

/** Small helpers over parsed JSON/YAML values (the import and the build never see anything but plain data). */
export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

export function unescapePointerSegment(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * The JSON pointer (relative to the values compared, "" for the values themselves) of the first place where
 * `a` and `b` differ, or undefined when they are structurally identical. Object key order is ignored (YAML
 * emitters reorder keys freely; the meaning does not change), array order is not.
 */
export function firstDifference(a: unknown, b: unknown, at = ""): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
      if (index >= a.length || index >= b.length) return `${at}/${index}`;
      const found = firstDifference(a[index], b[index], `${at}/${index}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const path = `${at}/${pointerSegment(key)}`;
      if (!(key in a) || !(key in b)) return path;
      const found = firstDifference(a[key], b[key], path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return at;
}

/** Deep copy of plain data (structuredClone keeps undefined/Date semantics we never have; this is enough). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A path as shown in messages: relative to the project root, "/"-separated. */
export function displayPath(absolute: string, rootDir: string): string {
  const shown = relative(rootDir, absolute);
  return (shown.startsWith("..") ? absolute : shown).split("\\").join("/");
}
