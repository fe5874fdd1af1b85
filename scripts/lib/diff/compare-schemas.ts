import { coversType, viewSchema, type SchemaView } from "./schema-view.js";
import type { ChangeKind, OpenApiDocument, Severity } from "./types.js";

/** Requests are written by users of the client; responses are read by them. */
export type Direction = "request" | "response";

/** What a change does to the set of values the API sends or accepts at that place. */
export interface Effect {
  /** More values possible than before (a new type, enum value, null, a field that may now be absent, …). */
  widens: boolean;
  /** Fewer values possible than before (a removed type or enum value, a field that must now be present, …). */
  narrows: boolean;
}

/**
 * The one rule behind every schema classification: code that READS a response breaks when the values it may
 * receive widen (it meets a case it does not handle); code that WRITES a request breaks when the values the
 * API accepts narrow (what it sends is no longer valid, or no longer compiles).
 */
export function classify(direction: Direction, effect: Effect): Severity {
  if (direction === "response") return effect.widens ? "breaking" : "non-breaking";
  return effect.narrows ? "breaking" : "non-breaking";
}

export interface SchemaChange {
  severity: Severity;
  kind: ChangeKind;
  /** Path of the field inside the compared schema; "" for the schema itself. */
  field: string;
  message: string;
}

export interface SchemaComparison {
  before: OpenApiDocument;
  after: OpenApiDocument;
  direction: Direction;
  emit: (change: SchemaChange) => void;
}

interface Walk {
  field: string;
  /** The component pairs being compared on the way here: a pair met again is a cycle, already being compared. */
  refPairs: ReadonlySet<string>;
  /** Set inside union variants, whose nullability was judged on the union as a whole. */
  ignoreNullability?: boolean;
  /** Set when a plain schema is compared with one member of a union: its annotations belong to the whole. */
  ignoreAnnotations?: boolean;
}

/** Compares two schemas (each in its own document) and emits every change, recursing into fields and items. */
export function compareSchemas(before: unknown, after: unknown, comparison: SchemaComparison): void {
  walk(before, after, comparison, { field: "", refPairs: new Set() });
}

function walk(beforeRaw: unknown, afterRaw: unknown, comparison: SchemaComparison, at: Walk): void {
  const before = viewSchema(beforeRaw, comparison.before);
  const after = viewSchema(afterRaw, comparison.after);
  let refPairs = at.refPairs;
  if (before.ref !== undefined || after.ref !== undefined) {
    const pair = `${before.ref ?? ""}\u0000${after.ref ?? ""}`;
    if (refPairs.has(pair)) return;
    refPairs = new Set(refPairs).add(pair);
  }
  const here: Walk = { ...at, refPairs };
  const emit = (kind: ChangeKind, severity: Severity, message: string) =>
    comparison.emit({ kind, severity, field: at.field, message });
  const severityOf = (effect: Effect) => classify(comparison.direction, effect);

  if (!at.ignoreAnnotations) compareAnnotations(before, after, emit);

  if (before.variants || after.variants) {
    compareVariants(beforeRaw, before, afterRaw, after, comparison, here);
  } else if (!compareTypes(before, after, emit, severityOf)) {
    // The types no longer overlap in any way worth walking (e.g. object → string): the type change says it all.
    return;
  }

  if (!at.ignoreNullability && !before.any && !after.any && before.nullable !== after.nullable) {
    const effect = { widens: after.nullable, narrows: before.nullable };
    emit(
      "nullability-changed",
      severityOf(effect),
      after.nullable ? "became nullable" : "no longer nullable",
    );
  }
  if (before.format !== after.format) {
    const effect = { widens: before.format !== undefined, narrows: after.format !== undefined };
    const message =
      before.format === undefined
        ? `format ${after.format} added`
        : after.format === undefined
          ? `format ${before.format} removed`
          : `format changed from ${before.format} to ${after.format}`;
    emit("format-changed", severityOf(effect), message);
  }
  compareEnums(before, after, emit, severityOf);

  if (isObjectLike(before) && isObjectLike(after)) compareProperties(before, after, comparison, here);
  if (
    before.items !== undefined &&
    after.items !== undefined &&
    before.types.has("array") &&
    after.types.has("array")
  ) {
    walk(before.items, after.items, comparison, { refPairs, field: `${at.field}[]` });
  }
  if (before.additionalProperties !== undefined && after.additionalProperties !== undefined) {
    walk(before.additionalProperties, after.additionalProperties, comparison, {
      refPairs,
      field: `${at.field}{}`,
    });
  }
}

type Emit = (kind: ChangeKind, severity: Severity, message: string) => void;

function compareAnnotations(before: SchemaView, after: SchemaView, emit: Emit): void {
  const changed = (["title", "description", "example"] as const).filter(
    (key) => before.docs[key] !== after.docs[key],
  );
  if (changed.length > 0) emit("docs-changed", "docs", `${changed.join(", ")} changed`);
  // A default is behaviour: callers omitting the value now get another one, yet their code still compiles.
  if (before.defaultValue !== after.defaultValue) {
    emit(
      "default-changed",
      "non-breaking",
      `default changed from ${before.defaultValue ?? "none"} to ${after.defaultValue ?? "none"}`,
    );
  }
  if (before.deprecated !== after.deprecated) {
    emit("deprecation-changed", "non-breaking", after.deprecated ? "deprecated" : "no longer deprecated");
  }
}

/** Emits a type change if any; returns whether the two schemas still share a type worth walking into. */
function compareTypes(
  before: SchemaView,
  after: SchemaView,
  emit: Emit,
  severityOf: (effect: Effect) => Severity,
): boolean {
  if (before.any && after.any) return true;
  const widens = after.any || [...after.types].some((type) => !before.any && !coversType(before.types, type));
  const narrows =
    before.any || [...before.types].some((type) => !after.any && !coversType(after.types, type));
  if (!widens && !narrows) return true;
  // Nullability is reported on its own; a schema with no other type admits only null, or nothing at all.
  const show = (view: SchemaView) =>
    view.any ? "any" : [...view.types].sort().join(" | ") || (view.nullable ? "null" : "never");
  emit(
    "type-changed",
    severityOf({ widens, narrows }),
    `type changed from ${show(before)} to ${show(after)}`,
  );
  return before.any || after.any || [...before.types].some((type) => after.types.has(type));
}

function compareEnums(
  before: SchemaView,
  after: SchemaView,
  emit: Emit,
  severityOf: (effect: Effect) => Severity,
): void {
  const was = before.enumValues;
  const is = after.enumValues;
  if (!was && !is) return;
  if (!is) {
    emit(
      "enum-changed",
      severityOf({ widens: true, narrows: false }),
      `no longer restricted to ${was!.join(", ")}`,
    );
    return;
  }
  if (!was) {
    emit("enum-changed", severityOf({ widens: false, narrows: true }), `now restricted to ${is.join(", ")}`);
    return;
  }
  const added = is.filter((value) => !was.includes(value));
  const removed = was.filter((value) => !is.includes(value));
  if (added.length > 0) {
    emit(
      "enum-changed",
      severityOf({ widens: true, narrows: false }),
      `enum value${plural(added)} ${added.join(", ")} added`,
    );
  }
  if (removed.length > 0) {
    emit(
      "enum-changed",
      severityOf({ widens: false, narrows: true }),
      `enum value${plural(removed)} ${removed.join(", ")} removed`,
    );
  }
}

function compareProperties(
  before: SchemaView,
  after: SchemaView,
  comparison: SchemaComparison,
  at: Walk,
): void {
  const names = [...new Set([...before.properties.keys(), ...after.properties.keys()])];
  for (const name of names) {
    const field = at.field === "" ? name : `${at.field}.${name}`;
    const emit = (kind: ChangeKind, severity: Severity, message: string) =>
      comparison.emit({ kind, severity, field, message });
    const wasRequired = before.required.has(name);
    const isRequired = after.required.has(name);
    if (!after.properties.has(name)) {
      // Readers lose the field; writers that send it no longer type-check (and the API ignores or rejects it).
      emit("field-removed", "breaking", "field removed");
    } else if (!before.properties.has(name)) {
      const severity =
        comparison.direction === "response" ? "non-breaking" : isRequired ? "breaking" : "non-breaking";
      emit("field-added", severity, isRequired ? "required field added" : "optional field added");
    } else {
      if (wasRequired !== isRequired) {
        const effect = { widens: !isRequired, narrows: isRequired };
        emit(
          "required-changed",
          classify(comparison.direction, effect),
          isRequired ? "became required" : "became optional",
        );
      }
      walk(before.properties.get(name), after.properties.get(name), comparison, {
        refPairs: at.refPairs,
        field,
      });
    }
  }
}

/**
 * Unions are compared member by member: members are matched by the component they reference, else by their
 * type (`string`, `object`, `object#2` for a second inline object). A plain schema on one side counts as a
 * union of one, so `string` → `anyOf [string, integer]` reads "variant integer added".
 */
function compareVariants(
  beforeRaw: unknown,
  before: SchemaView,
  afterRaw: unknown,
  after: SchemaView,
  comparison: SchemaComparison,
  at: Walk,
): void {
  const keyed = (raws: unknown[], document: OpenApiDocument) => {
    const seen = new Map<string, number>();
    return new Map(
      raws.map((raw) => {
        const view = viewSchema(raw, document);
        const base = view.ref ?? (view.any ? "any" : [...view.types].sort().join(" | "));
        const count = (seen.get(base) ?? 0) + 1;
        seen.set(base, count);
        return [count === 1 ? base : `${base}#${count}`, raw] as const;
      }),
    );
  };
  const was = keyed(before.variants ?? [beforeRaw], comparison.before);
  const is = keyed(after.variants ?? [afterRaw], comparison.after);
  const emit = (kind: ChangeKind, severity: Severity, message: string) =>
    comparison.emit({ kind, severity, field: at.field, message });
  for (const [key, raw] of is) {
    if (was.has(key)) {
      walk(was.get(key), raw, comparison, {
        refPairs: at.refPairs,
        field: `${at.field}<${key}>`,
        ignoreNullability: true,
        ignoreAnnotations: !before.variants || !after.variants,
      });
    } else {
      emit(
        "variant-added",
        classify(comparison.direction, { widens: true, narrows: false }),
        `variant ${key} added`,
      );
    }
  }
  for (const key of was.keys()) {
    if (!is.has(key))
      emit(
        "variant-removed",
        classify(comparison.direction, { widens: false, narrows: true }),
        `variant ${key} removed`,
      );
  }
}

function isObjectLike(view: SchemaView): boolean {
  return view.types.has("object") || (view.any && view.properties.size > 0);
}

function plural(values: unknown[]): string {
  return values.length === 1 ? "" : "s";
}
