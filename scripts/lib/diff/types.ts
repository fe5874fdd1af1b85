import type { SurfaceChange } from "./surface.js";

/**
 * What a change means for code written against the previous release of this client:
 * - `breaking`: such code may stop compiling or start misreading data (semver major);
 * - `non-breaking`: the API grew or changed behaviour compatibly (semver minor);
 * - `docs`: descriptions, summaries, titles, examples only: no API change (semver patch, because the published
 *   types' doc comments and `codegen-api/openapi.json` change).
 */
export type Severity = "breaking" | "non-breaking" | "docs";

export type SemverBump = "major" | "minor" | "patch" | "none";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-id-changed"
  | "deprecation-changed"
  | "rate-limit-changed"
  | "server-changed"
  | "schema-added"
  | "schema-removed"
  | "parameter-added"
  | "parameter-removed"
  | "required-changed"
  | "request-body-added"
  | "request-body-removed"
  | "media-type-added"
  | "media-type-removed"
  | "response-added"
  | "response-removed"
  | "field-added"
  | "field-removed"
  | "type-changed"
  | "nullability-changed"
  | "format-changed"
  | "enum-changed"
  | "variant-added"
  | "variant-removed"
  | "default-changed"
  | "docs-changed";

export interface Change {
  severity: Severity;
  kind: ChangeKind;
  /** "METHOD /path/template", or "" for a document-level change (servers, component schemas). */
  operation: string;
  /** The operationId in the newer spec (the older one for a removed operation), when there is one. */
  operationId?: string;
  /** What part of the operation: "query parameter `limit`", "request body (application/json)", "response 200 (application/json)". */
  location?: string;
  /** Dotted path of the field inside that part's schema; `[]` steps into array items, `{}` into map values. */
  field?: string;
  /** One sentence for humans, e.g. "type changed from integer to string". */
  message: string;
}

export interface ChangeReport {
  bump: SemverBump;
  counts: { breaking: number; nonBreaking: number; docs: number };
  /** Sorted: breaking first, then non-breaking, then docs; within each by path, method, then discovery order. */
  changes: Change[];
  /** What changed for code using the helpers and type names (see diffSurfaces), when both surfaces were known. */
  helpers?: SurfaceChange[];
}

/** The parts of an OpenAPI 3.x document the diff reads; everything else is carried as unknown. */
export type OpenApiDocument = Record<string, unknown>;
