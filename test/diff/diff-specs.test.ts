import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  diffSpecs,
  nextVersion,
  renderMarkdown,
  SpecDiffError,
  type Change,
  type OpenApiDocument,
} from "../../scripts/lib/diff/index.js";

/** A one-operation spec: POST /v1/things with the given body schema, 200 response schema and extra parameters. */
function spec(options: {
  body?: unknown;
  response?: unknown;
  parameters?: unknown[];
  schemas?: Record<string, unknown>;
  operation?: Record<string, unknown>;
}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/v1/things": {
        post: {
          operationId: "create_thing",
          summary: "Create Thing",
          parameters: options.parameters ?? [],
          ...(options.body !== undefined
            ? { requestBody: { required: true, content: { "application/json": { schema: options.body } } } }
            : {}),
          responses: {
            "200": { description: "OK", content: { "application/json": { schema: options.response ?? {} } } },
          },
          ...options.operation,
        },
      },
    },
    components: { schemas: options.schemas ?? {} },
  };
}

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  properties,
  required,
});

/** The changes without the operation fields every test repeats. */
function changesOf(
  previous: OpenApiDocument,
  next: OpenApiDocument,
): Array<Pick<Change, "severity" | "kind" | "message"> & { at?: string }> {
  return diffSpecs(previous, next).changes.map((change) => ({
    severity: change.severity,
    kind: change.kind,
    ...(change.location || change.field
      ? { at: [change.location, change.field].filter(Boolean).join(" ") }
      : {}),
    message: change.message,
  }));
}

const RESPONSE = "response 200 (application/json)";
const BODY = "request body (application/json)";

describe("operations", () => {
  it("reports an added operation as non-breaking (minor) and a removed one as breaking (major)", () => {
    const base = spec({});
    const withMore: OpenApiDocument = structuredClone(base);
    (withMore.paths as Record<string, unknown>)["/v1/other"] = {
      get: { operationId: "list_other", responses: {} },
    };
    expect(diffSpecs(base, withMore)).toMatchObject({
      bump: "minor",
      changes: [
        {
          severity: "non-breaking",
          kind: "operation-added",
          operation: "GET /v1/other",
          operationId: "list_other",
        },
      ],
    });
    expect(diffSpecs(withMore, base)).toMatchObject({
      bump: "major",
      changes: [
        {
          severity: "breaking",
          kind: "operation-removed",
          operation: "GET /v1/other",
          operationId: "list_other",
        },
      ],
    });
  });

  it("treats a renamed operationId as breaking because schema.ts exports operations[operationId]", () => {
    expect(changesOf(spec({}), spec({ operation: { operationId: "make_thing" } }))).toEqual([
      {
        severity: "breaking",
        kind: "operation-id-changed",
        message: "operationId changed from create_thing to make_thing",
      },
    ]);
  });

  it("reports summary and description edits as docs only, bump patch, and says no API change", () => {
    const report = diffSpecs(
      spec({}),
      spec({ operation: { summary: "Make Thing", description: "Now documented." } }),
    );
    expect(report.bump).toBe("patch");
    expect(report.changes.map((change) => change.message)).toEqual([
      "summary changed",
      "description changed",
    ]);
    expect(renderMarkdown(report)).toContain("No API change: documentation only (2 changes).");
  });

  it("lists a change to a schema several operations share once, under all of them", () => {
    const shared = (status: unknown) => {
      const document = spec({
        response: { $ref: "#/components/schemas/Thing" },
        schemas: { Thing: object({ id: { type: "integer" }, status: status }) },
      });
      const paths = document.paths as Record<string, { post: Record<string, unknown> }>;
      paths["/v1/things/{id}"] = {
        get: { ...paths["/v1/things"]!.post, operationId: "get_thing", parameters: [], summary: "Get Thing" },
      } as never;
      return document;
    };
    const report = diffSpecs(shared({ type: "string" }), shared({ type: "integer" }));
    expect(report.counts.breaking).toBe(2);
    expect(renderMarkdown(report)).toContain(
      "- `POST /v1/things`, `GET /v1/things/{id}`\n" +
        "  - response 200 (application/json) `status`: type changed from string to integer\n",
    );
  });

  it("reports identical specs as no change, bump none", () => {
    const report = diffSpecs(
      spec({ response: object({ id: { type: "integer" } }) }),
      spec({ response: object({ id: { type: "integer" } }) }),
    );
    expect(report).toEqual({ bump: "none", counts: { breaking: 0, nonBreaking: 0, docs: 0 }, changes: [] });
    expect(renderMarkdown(report)).toContain("No change");
  });

  it("reports a changed rate limit as non-breaking", () => {
    const limit = (group: string, limit: number) => ({
      "x-rate-limit": { group, limit, windowSeconds: 60, source: "page" },
    });
    expect(
      changesOf(spec({ operation: limit("standard", 60) }), spec({ operation: limit("create_thing", 30) })),
    ).toEqual([
      {
        severity: "non-breaking",
        kind: "rate-limit-changed",
        message: "rate limit changed from standard (60 per 60 s) to create_thing (30 per 60 s)",
      },
    ]);
  });
});

describe("parameters", () => {
  const limit = { name: "limit", in: "query", required: false, schema: { type: "integer" } };
  it("classifies a new required parameter as breaking and a new optional one as non-breaking", () => {
    expect(changesOf(spec({}), spec({ parameters: [{ ...limit, required: true }] }))).toEqual([
      {
        severity: "breaking",
        kind: "parameter-added",
        at: "query parameter `limit`",
        message: "required parameter added",
      },
    ]);
    expect(changesOf(spec({}), spec({ parameters: [limit] }))).toEqual([
      {
        severity: "non-breaking",
        kind: "parameter-added",
        at: "query parameter `limit`",
        message: "optional parameter added",
      },
    ]);
  });

  it("classifies a removed parameter and a parameter becoming required as breaking", () => {
    expect(changesOf(spec({ parameters: [limit] }), spec({}))).toEqual([
      {
        severity: "breaking",
        kind: "parameter-removed",
        at: "query parameter `limit`",
        message: "parameter removed",
      },
    ]);
    expect(
      changesOf(spec({ parameters: [limit] }), spec({ parameters: [{ ...limit, required: true }] })),
    ).toEqual([
      {
        severity: "breaking",
        kind: "required-changed",
        at: "query parameter `limit`",
        message: "became required",
      },
    ]);
  });

  it("matches header parameters case-insensitively", () => {
    const header = (name: string) => ({ name, in: "header", schema: { type: "string" } });
    expect(
      changesOf(spec({ parameters: [header("X-Trace")] }), spec({ parameters: [header("x-trace")] })),
    ).toEqual([]);
  });

  it("treats a parameter type narrowing as breaking for writers and a widening as non-breaking", () => {
    const typed = (type: unknown) => ({ ...limit, schema: { type } });
    expect(
      changesOf(spec({ parameters: [typed("number")] }), spec({ parameters: [typed("integer")] })),
    ).toEqual([
      {
        severity: "breaking",
        kind: "type-changed",
        at: "query parameter `limit`",
        message: "type changed from number to integer",
      },
    ]);
    expect(
      changesOf(spec({ parameters: [typed("integer")] }), spec({ parameters: [typed("number")] })),
    ).toEqual([
      {
        severity: "non-breaking",
        kind: "type-changed",
        at: "query parameter `limit`",
        message: "type changed from integer to number",
      },
    ]);
  });
});

describe("request bodies (writers break when accepted values narrow)", () => {
  it("classifies a new required field as breaking and a new optional field as non-breaking", () => {
    const before = spec({ body: object({ prompt: { type: "string" } }, ["prompt"]) });
    expect(
      changesOf(
        before,
        spec({ body: object({ prompt: { type: "string" }, repo: { type: "integer" } }, ["prompt", "repo"]) }),
      ),
    ).toEqual([
      { severity: "breaking", kind: "field-added", at: `${BODY} repo`, message: "required field added" },
    ]);
    expect(
      changesOf(
        before,
        spec({ body: object({ prompt: { type: "string" }, repo: { type: "integer" } }, ["prompt"]) }),
      ),
    ).toEqual([
      { severity: "non-breaking", kind: "field-added", at: `${BODY} repo`, message: "optional field added" },
    ]);
  });

  it("classifies a removed enum value as breaking and an added one as non-breaking", () => {
    const state = (values: string[]) => spec({ body: object({ state: { type: "string", enum: values } }) });
    expect(changesOf(state(["open", "closed", "draft"]), state(["open", "closed"]))).toEqual([
      {
        severity: "breaking",
        kind: "enum-changed",
        at: `${BODY} state`,
        message: 'enum value "draft" removed',
      },
    ]);
    expect(changesOf(state(["open"]), state(["open", "closed"]))).toEqual([
      {
        severity: "non-breaking",
        kind: "enum-changed",
        at: `${BODY} state`,
        message: 'enum value "closed" added',
      },
    ]);
  });

  it("classifies a field no longer accepting null as breaking", () => {
    const nullable = spec({ body: object({ note: { anyOf: [{ type: "string" }, { type: "null" }] } }) });
    expect(changesOf(nullable, spec({ body: object({ note: { type: "string" } }) }))).toEqual([
      {
        severity: "breaking",
        kind: "nullability-changed",
        at: `${BODY} note`,
        message: "no longer nullable",
      },
    ]);
  });
});

describe("responses (readers break when received values widen)", () => {
  it("classifies a removed field as breaking and an added field as non-breaking", () => {
    const before = spec({ response: object({ id: { type: "integer" }, url: { type: "string" } }, ["id"]) });
    expect(changesOf(before, spec({ response: object({ id: { type: "integer" } }, ["id"]) }))).toEqual([
      { severity: "breaking", kind: "field-removed", at: `${RESPONSE} url`, message: "field removed" },
    ]);
    expect(
      changesOf(
        before,
        spec({
          response: object({ id: { type: "integer" }, url: { type: "string" }, extra: { type: "boolean" } }, [
            "id",
          ]),
        }),
      ),
    ).toEqual([
      {
        severity: "non-breaking",
        kind: "field-added",
        at: `${RESPONSE} extra`,
        message: "optional field added",
      },
    ]);
  });

  it("classifies a field becoming nullable or optional as breaking, and the reverse as non-breaking", () => {
    const plain = spec({ response: object({ id: { type: "integer" } }, ["id"]) });
    const loose = spec({ response: object({ id: { type: ["integer", "null"] } }, []) });
    expect(changesOf(plain, loose)).toEqual([
      { severity: "breaking", kind: "required-changed", at: `${RESPONSE} id`, message: "became optional" },
      { severity: "breaking", kind: "nullability-changed", at: `${RESPONSE} id`, message: "became nullable" },
    ]);
    expect(changesOf(loose, plain).map((change) => change.severity)).toEqual([
      "non-breaking",
      "non-breaking",
    ]);
  });

  it("classifies a widened enum as breaking for readers and a narrowed one as non-breaking", () => {
    const status = (values: string[]) =>
      spec({ response: object({ status: { type: "string", enum: values } }) });
    expect(changesOf(status(["ACTIVE"]), status(["ACTIVE", "PAUSED"]))[0]).toMatchObject({
      severity: "breaking",
      message: 'enum value "PAUSED" added',
    });
    expect(changesOf(status(["ACTIVE", "PAUSED"]), status(["ACTIVE"]))[0]).toMatchObject({
      severity: "non-breaking",
    });
  });

  it("treats a changed type as breaking and does not walk into the properties of an unrelated type", () => {
    expect(
      changesOf(
        spec({ response: object({ id: { type: "integer" } }) }),
        spec({ response: { type: "string" } }),
      ),
    ).toEqual([
      {
        severity: "breaking",
        kind: "type-changed",
        at: RESPONSE,
        message: "type changed from object to string",
      },
    ]);
  });

  it("walks $refs into components and array items, naming the field path", () => {
    const schemas = (idType: string) => ({
      Page: object({ items: { type: "array", items: { $ref: "#/components/schemas/Run" } } }),
      Run: object({ id: { type: idType } }, ["id"]),
    });
    const response = { $ref: "#/components/schemas/Page" };
    expect(
      changesOf(
        spec({ response, schemas: schemas("integer") }),
        spec({ response, schemas: schemas("string") }),
      ),
    ).toEqual([
      {
        severity: "breaking",
        kind: "type-changed",
        at: `${RESPONSE} items[].id`,
        message: "type changed from integer to string",
      },
    ]);
  });

  it("terminates on recursive schemas and still reports changes inside them", () => {
    const schemas = (extra: Record<string, unknown>) => ({
      Node: object({ children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, ...extra }),
    });
    const response = { $ref: "#/components/schemas/Node" };
    expect(
      changesOf(
        spec({ response, schemas: schemas({ name: { type: "string" } }) }),
        spec({ response, schemas: schemas({}) }),
      ),
    ).toEqual([
      { severity: "breaking", kind: "field-removed", at: `${RESPONSE} name`, message: "field removed" },
    ]);
  });

  it("reads the Mintlify style (one-member allOf, anyOf with null) the same as the plain one", () => {
    const plain = spec({ response: object({ note: { type: ["string", "null"], title: "Note" } }) });
    const mintlify = spec({
      response: object({
        note: { allOf: [{ anyOf: [{ type: "string" }, { type: "null" }], title: "Note" }] },
      }),
    });
    expect(changesOf(plain, mintlify)).toEqual([]);
  });

  it("reports a new union member as breaking for readers (variant added)", () => {
    const before = spec({ response: object({ value: { type: "string" } }) });
    const after = spec({ response: object({ value: { anyOf: [{ type: "string" }, { type: "integer" }] } }) });
    expect(changesOf(before, after)).toEqual([
      {
        severity: "breaking",
        kind: "variant-added",
        at: `${RESPONSE} value`,
        message: "variant integer added",
      },
    ]);
  });

  it("reports format changes by direction (removing a format widens a response)", () => {
    const at = (format?: string) =>
      spec({ response: object({ at: { type: "string", ...(format ? { format } : {}) } }) });
    expect(changesOf(at("date-time"), at())[0]).toMatchObject({
      severity: "breaking",
      message: "format date-time removed",
    });
    expect(changesOf(at(), at("date-time"))[0]).toMatchObject({
      severity: "non-breaking",
      message: "format date-time added",
    });
  });

  it("reports description, title and example edits inside schemas as docs only", () => {
    const before = spec({ response: object({ id: { type: "integer", description: "The id." } }) });
    const after = spec({
      response: object({ id: { type: "integer", description: "The run's id.", examples: [1] } }),
    });
    expect(changesOf(before, after)).toEqual([
      {
        severity: "docs",
        kind: "docs-changed",
        at: `${RESPONSE} id`,
        message: "description, example changed",
      },
    ]);
  });

  it("reports a removed component schema as breaking: its exported type disappears", () => {
    expect(changesOf(spec({ schemas: { Old: { type: "object" } } }), spec({}))).toEqual([
      {
        severity: "breaking",
        kind: "schema-removed",
        at: "components.schemas.Old",
        message: "schema removed",
      },
    ]);
  });
});

describe("bad input", () => {
  it("names the operation, the place and the $ref that does not resolve", () => {
    const broken = spec({ response: { $ref: "#/components/schemas/Missing" } });
    expect(() => diffSpecs(spec({}), broken)).toThrow(SpecDiffError);
    expect(() => diffSpecs(spec({}), broken)).toThrow(
      'POST /v1/things, response 200 (application/json): $ref "#/components/schemas/Missing" does not resolve in the spec',
    );
  });
});

describe("semver", () => {
  it("moves the minor for a breaking change before 1.0 and the major after", () => {
    expect(nextVersion("0.1.0", "major")).toBe("0.2.0");
    expect(nextVersion("0.1.0", "minor")).toBe("0.1.1");
    expect(nextVersion("1.4.2", "major")).toBe("2.0.0");
    expect(nextVersion("1.4.2", "minor")).toBe("1.5.0");
    expect(nextVersion("1.4.2", "patch")).toBe("1.4.3");
    expect(nextVersion("1.4.2", "none")).toBe("1.4.2");
  });
});

describe("the committed merged spec", () => {
  it("compared with itself reports no change (every schema, $ref cycle and Mintlify wrapper walked)", async () => {
    const committed = JSON.parse(await readFile("src/generated/openapi.json", "utf8")) as OpenApiDocument;
    // However many operations the docs have today: the comparison must have had something to walk.
    expect(Object.keys(committed.paths as object).length).toBeGreaterThan(0);
    expect(diffSpecs(committed, structuredClone(committed))).toEqual({
      bump: "none",
      counts: { breaking: 0, nonBreaking: 0, docs: 0 },
      changes: [],
    });
  });

  it("reports every operation as removed when compared with an empty spec, and as added the other way", async () => {
    const committed = JSON.parse(await readFile("src/generated/openapi.json", "utf8")) as OpenApiDocument;
    const empty: OpenApiDocument = { openapi: "3.1.0", paths: {} };
    const operations = Object.values(committed.paths as Record<string, object>).flatMap((item) =>
      Object.keys(item),
    ).length;
    const removed = diffSpecs(committed, empty).changes.filter(
      (change) => change.kind === "operation-removed",
    );
    const added = diffSpecs(empty, committed).changes.filter((change) => change.kind === "operation-added");
    expect(removed).toHaveLength(operations);
    expect(added.map((change) => change.operation)).toEqual(removed.map((change) => change.operation));
  });
});
