import { HTTP_METHODS } from "../http-methods.js";
import { classify, compareSchemas, type Direction } from "./compare-schemas.js";
import { dereference, isObject, SchemaResolutionError } from "./schema-view.js";
import type { Change, ChangeKind, ChangeReport, OpenApiDocument, SemverBump, Severity } from "./types.js";

const SEVERITY_ORDER: Record<Severity, number> = { breaking: 0, "non-breaking": 1, docs: 2 };

/** A spec the diff cannot read (a `$ref` that leads nowhere, …), named by spec side, operation and place. */
export class SpecDiffError extends Error {
  override name = "SpecDiffError";
}

interface OperationEntry {
  method: string;
  path: string;
  operation: Record<string, unknown>;
  pathItem: Record<string, unknown>;
}

type JsonObject = Record<string, unknown>;

/**
 * Compares two OpenAPI 3.x documents (typically the committed merged spec and a freshly built one) and
 * classifies every difference for code written against the older one. See README "Docs-change workflow"
 * for the rules; `classify` in compare-schemas.ts holds the one rule every schema change follows.
 */
export function diffSpecs(previous: OpenApiDocument, next: OpenApiDocument): ChangeReport {
  const changes: Change[] = [];
  const add = (change: Change) => changes.push(change);

  compareServers(previous, next, add);
  compareComponentNames(previous, next, add);
  const before = operationsOf(previous);
  const after = operationsOf(next);
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const is = after.get(key);
    if (was && is) compareOperation(key, was, is, previous, next, add);
    else if (is) add(operationChange(key, is, "operation-added", "non-breaking", "operation added"));
    else add(operationChange(key, was!, "operation-removed", "breaking", "operation removed"));
  }

  // Array sort is stable: within one operation and severity, changes keep the order they were found in.
  changes.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareOperationKeys(a.operation, b.operation),
  );
  const counts = {
    breaking: changes.filter((change) => change.severity === "breaking").length,
    nonBreaking: changes.filter((change) => change.severity === "non-breaking").length,
    docs: changes.filter((change) => change.severity === "docs").length,
  };
  const bump: SemverBump = counts.breaking
    ? "major"
    : counts.nonBreaking
      ? "minor"
      : counts.docs
        ? "patch"
        : "none";
  return { bump, counts, changes };
}

function operationsOf(document: OpenApiDocument): Map<string, OperationEntry> {
  const operations = new Map<string, OperationEntry>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = isObject(rawItem) ? (dereference(rawItem, document).node as JsonObject) : {};
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation))
        operations.set(`${method.toUpperCase()} ${path}`, { method, path, operation, pathItem });
    }
  }
  return operations;
}

function operationChange(
  key: string,
  entry: OperationEntry,
  kind: ChangeKind,
  severity: Severity,
  message: string,
): Change {
  return { severity, kind, operation: key, ...operationIdOf(entry), message };
}

function operationIdOf(entry: OperationEntry): { operationId?: string } {
  return typeof entry.operation.operationId === "string" ? { operationId: entry.operation.operationId } : {};
}

function compareOperation(
  key: string,
  was: OperationEntry,
  is: OperationEntry,
  previous: OpenApiDocument,
  next: OpenApiDocument,
  add: (change: Change) => void,
): void {
  const emit = (kind: ChangeKind, severity: Severity, message: string, location?: string, field?: string) =>
    add({
      severity,
      kind,
      operation: key,
      ...operationIdOf(is),
      ...(location !== undefined ? { location } : {}),
      ...(field ? { field } : {}),
      message,
    });
  const before = was.operation;
  const after = is.operation;

  if (before.operationId !== after.operationId) {
    // schema.ts exports `operations[<operationId>]`, so a renamed id breaks code that names that type.
    emit(
      "operation-id-changed",
      "breaking",
      `operationId changed from ${String(before.operationId)} to ${String(after.operationId)}`,
    );
  }
  if (before.deprecated !== after.deprecated) {
    emit(
      "deprecation-changed",
      "non-breaking",
      after.deprecated === true ? "operation deprecated" : "operation no longer deprecated",
    );
  }
  const rateLimitBefore = describeRateLimit(before["x-rate-limit"]);
  const rateLimitAfter = describeRateLimit(after["x-rate-limit"]);
  if (rateLimitBefore !== rateLimitAfter) {
    // The client's limiter follows the generated table: its pacing changes, but no caller's code has to.
    emit(
      "rate-limit-changed",
      "non-breaking",
      `rate limit changed from ${rateLimitBefore} to ${rateLimitAfter}`,
    );
  }
  for (const part of ["summary", "description"] as const) {
    if (before[part] !== after[part]) emit("docs-changed", "docs", `${part} changed`);
  }

  const guarded = <T>(location: string, compute: () => T): T => {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof SchemaResolutionError)) throw error;
      throw new SpecDiffError(`${key}, ${location}: ${error.message}`, { cause: error });
    }
  };
  const schemaEmitter =
    (location: string) =>
    (change: { kind: ChangeKind; severity: Severity; message: string; field: string }) =>
      emit(change.kind, change.severity, change.message, location, change.field);
  const compareSchemaAt = (
    location: string,
    direction: Direction,
    beforeSchema: unknown,
    afterSchema: unknown,
  ) =>
    guarded(location, () =>
      compareSchemas(beforeSchema, afterSchema, {
        before: previous,
        after: next,
        direction,
        emit: schemaEmitter(location),
      }),
    );

  const scope: OperationScope = { previous, next, emit, compareSchemaAt, guarded };
  compareParameters(was, is, scope);
  compareRequestBodies(before, after, scope);
  compareResponses(before, after, scope);
}

type Emit = (
  kind: ChangeKind,
  severity: Severity,
  message: string,
  location?: string,
  field?: string,
) => void;

/** What the comparison of one operation's parts shares. */
interface OperationScope {
  previous: OpenApiDocument;
  next: OpenApiDocument;
  emit: Emit;
  compareSchemaAt: (location: string, direction: Direction, before: unknown, after: unknown) => void;
  /** Runs `compute`, turning a spec it cannot resolve into a SpecDiffError naming the operation and `location`. */
  guarded: <T>(location: string, compute: () => T) => T;
}

function compareParameters(was: OperationEntry, is: OperationEntry, scope: OperationScope): void {
  const { emit, compareSchemaAt, guarded } = scope;
  const before = guarded("parameters", () => parametersOf(was, scope.previous));
  const after = guarded("parameters", () => parametersOf(is, scope.next));
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const now = after.get(key);
    const location = `${(now ?? old)!.in} parameter \`${(now ?? old)!.name}\``;
    if (!now) {
      emit("parameter-removed", "breaking", "parameter removed", location);
      continue;
    }
    if (!old) {
      const required = now.required === true;
      emit(
        "parameter-added",
        required ? "breaking" : "non-breaking",
        required ? "required parameter added" : "optional parameter added",
        location,
      );
      continue;
    }
    if ((old.required === true) !== (now.required === true)) {
      const required = now.required === true;
      emit(
        "required-changed",
        classify("request", { widens: !required, narrows: required }),
        required ? "became required" : "became optional",
        location,
      );
    }
    if (old.deprecated !== now.deprecated) {
      emit(
        "deprecation-changed",
        "non-breaking",
        now.deprecated === true ? "deprecated" : "no longer deprecated",
        location,
      );
    }
    if (old.description !== now.description) emit("docs-changed", "docs", "description changed", location);
    compareSchemaAt(location, "request", parameterSchema(old), parameterSchema(now));
  }
}

/** Path-level parameters overridden by operation-level ones, keyed by location + name (headers case-insensitively). */
function parametersOf(entry: OperationEntry, document: OpenApiDocument): Map<string, JsonObject> {
  const parameters = new Map<string, JsonObject>();
  for (const list of [entry.pathItem.parameters, entry.operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = dereference(raw, document).node;
      if (!isObject(parameter) || typeof parameter.name !== "string" || typeof parameter.in !== "string")
        continue;
      const name = parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name;
      parameters.set(`${parameter.in} ${name}`, parameter);
    }
  }
  return parameters;
}

function parameterSchema(parameter: JsonObject): unknown {
  if (parameter.schema !== undefined) return parameter.schema;
  const content = isObject(parameter.content) ? Object.values(parameter.content)[0] : undefined;
  return isObject(content) ? content.schema : undefined;
}

function compareRequestBodies(
  beforeOperation: JsonObject,
  afterOperation: JsonObject,
  scope: OperationScope,
): void {
  const { emit, compareSchemaAt, guarded } = scope;
  const before = guarded("request body", () => objectAt(beforeOperation.requestBody, scope.previous));
  const after = guarded("request body", () => objectAt(afterOperation.requestBody, scope.next));
  if (!before && !after) return;
  if (!after) {
    emit("request-body-removed", "breaking", "request body removed", "request body");
    return;
  }
  if (!before) {
    const required = after.required === true;
    emit(
      "request-body-added",
      required ? "breaking" : "non-breaking",
      required ? "required request body added" : "optional request body added",
      "request body",
    );
    return;
  }
  if ((before.required === true) !== (after.required === true)) {
    const required = after.required === true;
    emit(
      "required-changed",
      classify("request", { widens: !required, narrows: required }),
      required ? "became required" : "became optional",
      "request body",
    );
  }
  if (before.description !== after.description)
    emit("docs-changed", "docs", "description changed", "request body");
  compareContent(before.content, after.content, "request", "request body", emit, compareSchemaAt);
}

function compareResponses(
  beforeOperation: JsonObject,
  afterOperation: JsonObject,
  scope: OperationScope,
): void {
  const { emit, compareSchemaAt, guarded } = scope;
  const before = isObject(beforeOperation.responses) ? beforeOperation.responses : {};
  const after = isObject(afterOperation.responses) ? afterOperation.responses : {};
  for (const status of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const location = `response ${status}`;
    const was = guarded(location, () => objectAt(before[status], scope.previous));
    const is = guarded(location, () => objectAt(after[status], scope.next));
    if (!was && !is) continue;
    if (!is) {
      emit("response-removed", "non-breaking", "response removed", location);
      continue;
    }
    if (!was) {
      // A new success status with a body widens `data`; a new error status only adds a case callers may catch.
      const widensData = /^2/.test(status) && isObject(is.content) && Object.keys(is.content).length > 0;
      emit(
        "response-added",
        widensData ? "breaking" : "non-breaking",
        widensData ? "success response added: data may now have this shape" : "response added",
        location,
      );
      continue;
    }
    if (was.description !== is.description) emit("docs-changed", "docs", "description changed", location);
    compareContent(was.content, is.content, "response", location, emit, compareSchemaAt);
  }
}

/** Media types of a body: each kept one has its schema compared; added/removed ones follow the direction rule. */
function compareContent(
  beforeContent: unknown,
  afterContent: unknown,
  direction: Direction,
  location: string,
  emit: Emit,
  compareSchemaAt: OperationScope["compareSchemaAt"],
): void {
  const before = isObject(beforeContent) ? beforeContent : {};
  const after = isObject(afterContent) ? afterContent : {};
  for (const mediaType of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const here = `${location} (${mediaType})`;
    const was = before[mediaType];
    const is = after[mediaType];
    if (!isObject(is)) {
      emit(
        "media-type-removed",
        classify(direction, { widens: false, narrows: true }),
        "media type removed",
        here,
      );
    } else if (!isObject(was)) {
      emit(
        "media-type-added",
        classify(direction, { widens: true, narrows: false }),
        "media type added",
        here,
      );
    } else {
      compareSchemaAt(here, direction, was.schema, is.schema);
      if (JSON.stringify(was.example ?? was.examples) !== JSON.stringify(is.example ?? is.examples)) {
        emit("docs-changed", "docs", "examples changed", here);
      }
    }
  }
}

function compareServers(
  previous: OpenApiDocument,
  next: OpenApiDocument,
  add: (change: Change) => void,
): void {
  const urls = (document: OpenApiDocument) =>
    (Array.isArray(document.servers) ? document.servers : []).flatMap((server) =>
      isObject(server) && typeof server.url === "string" ? [server.url] : [],
    );
  const before = urls(previous).join(", ");
  const after = urls(next).join(", ");
  if (before !== after) {
    add({
      severity: "non-breaking",
      kind: "server-changed",
      operation: "",
      message: `servers changed from ${before || "none"} to ${after || "none"}`,
    });
  }
}

/** schema.ts exports `components["schemas"][<name>]`: a vanished name breaks code that imports that type. */
function compareComponentNames(
  previous: OpenApiDocument,
  next: OpenApiDocument,
  add: (change: Change) => void,
): void {
  const names = (document: OpenApiDocument) => {
    const components = isObject(document.components) ? document.components : {};
    return new Set(Object.keys(isObject(components.schemas) ? components.schemas : {}));
  };
  const before = names(previous);
  const after = names(next);
  for (const name of after) {
    if (!before.has(name))
      add({
        severity: "non-breaking",
        kind: "schema-added",
        operation: "",
        location: `components.schemas.${name}`,
        message: "schema added",
      });
  }
  for (const name of before) {
    if (!after.has(name))
      add({
        severity: "breaking",
        kind: "schema-removed",
        operation: "",
        location: `components.schemas.${name}`,
        message: "schema removed",
      });
  }
}

function describeRateLimit(value: unknown): string {
  if (!isObject(value)) return "none";
  return `${String(value.group)} (${String(value.limit)} per ${String(value.windowSeconds)} s)`;
}

/** The object a value or its `$ref` leads to; undefined when absent. */
function objectAt(value: unknown, document: OpenApiDocument): JsonObject | undefined {
  const { node } = dereference(value, document);
  return isObject(node) ? node : undefined;
}

/** Document-level changes first, then by path, then by method in the usual GET, PUT, POST, … order. */
function compareOperationKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return -1;
  if (b === "") return 1;
  const [methodA = "", pathA = ""] = a.split(" ");
  const [methodB = "", pathB = ""] = b.split(" ");
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  const order = (method: string) =>
    HTTP_METHODS.indexOf(method.toLowerCase() as (typeof HTTP_METHODS)[number]);
  return order(methodA) - order(methodB);
}
