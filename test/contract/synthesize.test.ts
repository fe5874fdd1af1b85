import { isHttpMethod } from "../../scripts/lib/http-methods.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SynthesisError, validRequest } from "./synthesize.js";

/** A spec of one operation, `POST /things/{id}` unless `path`/`method` say otherwise. */
function specWith(
  operation: Record<string, unknown>,
  options: { path?: string; method?: string; pathItem?: Record<string, unknown>; components?: object } = {},
): object {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      [options.path ?? "/things/{id}"]: {
        ...options.pathItem,
        [options.method ?? "post"]: { responses: { "200": { description: "OK" } }, ...operation },
      },
    },
    components: options.components ?? {},
  };
}

const idParameter = { name: "id", in: "path", required: true, schema: { type: "integer" } };
const query = (name: string, schema: unknown, required = false) => ({ name, in: "query", required, schema });
const jsonBody = (schema: unknown, required = true) => ({
  required,
  content: { "application/json": { schema } },
});
/** The body synthesised for a schema. */
const bodyFor = (schema: unknown, components: object = {}) =>
  validRequest(
    specWith({ parameters: [idParameter], requestBody: jsonBody(schema) }, { components }),
    "post",
    "/things/{id}",
  ).body;

describe("parameters", () => {
  it("fills every path parameter and each required query parameter", () => {
    const spec = specWith(
      {
        parameters: [
          idParameter,
          { name: "slug", in: "path", required: true, schema: { type: "string" }, example: "my-thing" },
          query("state", { type: "string", enum: ["open", "closed"] }, true),
        ],
      },
      { path: "/things/{id}/{slug}" },
    );
    expect(validRequest(spec, "POST", "/things/{id}/{slug}")).toEqual({
      params: { path: { id: 1, slug: "my-thing" }, query: { state: "open" } },
    });
  });

  it("adds the optional query parameters whose value is a scalar or a list of scalars, and no others", () => {
    const spec = specWith({
      parameters: [
        idParameter,
        query("limit", { type: "integer", default: 50 }),
        query("tags", { type: "array", items: { type: "string" } }),
        query("cursor", { anyOf: [{ type: "string" }, { type: "null" }] }),
        query("filter", { type: "object", properties: { name: { type: "string" } } }),
        { name: "X-Trace", in: "header", schema: { type: "string" } },
      ],
    });
    expect(validRequest(spec, "post", "/things/{id}").params.query).toEqual({
      limit: 50,
      tags: ["sample"],
      cursor: "sample",
    });
  });

  it("takes the path item's parameters unless the operation redeclares them, resolving $refs", () => {
    const spec = specWith(
      {
        parameters: [
          { $ref: "#/components/parameters/Limit" },
          query("page", { type: "integer", default: 3 }),
        ],
      },
      {
        pathItem: { parameters: [idParameter, query("page", { type: "string" })] },
        components: { parameters: { Limit: query("limit", { type: "integer", maximum: 0 }, true) } },
      },
    );
    expect(validRequest(spec, "post", "/things/{id}").params).toEqual({
      path: { id: 1 },
      query: { limit: 0, page: 3 },
    });
  });

  it("an operation with neither parameters nor body gets empty params", () => {
    expect(validRequest(specWith({}, { path: "/ping", method: "get" }), "GET", "/ping")).toEqual({
      params: {},
    });
  });
});

describe("values from the schema", () => {
  it("prefers const, then examples/example/default (skipping null), then the first enum value that is not null", () => {
    expect(
      bodyFor({
        type: "object",
        properties: {
          fixed: { type: "string", const: "v1", default: "v0" },
          listed: { type: "string", examples: ["from-examples"], example: "from-example", default: "d" },
          single: { type: "string", example: "from-example", default: "d" },
          defaulted: { type: "integer", default: 7 },
          nullDefault: { anyOf: [{ type: "integer" }, { type: "null" }], default: null },
          state: { enum: [null, "draft", "open"] },
        },
      }),
    ).toEqual({
      fixed: "v1",
      listed: "from-examples",
      single: "from-example",
      defaulted: 7,
      nullDefault: 1,
      state: "draft",
    });
  });

  it("takes anyOf's and oneOf's first branch that is not null, and null only when nothing else is allowed", () => {
    expect(
      bodyFor(
        {
          type: "object",
          properties: {
            nullFirst: { anyOf: [{ type: "null" }, { type: "integer" }] },
            refBranch: { oneOf: [{ type: "null" }, { $ref: "#/components/schemas/Kind" }] },
            typeList: { type: ["null", "boolean"] },
            onlyNull: { type: "null" },
          },
        },
        { schemas: { Kind: { type: "string", enum: ["a", "b"] } } },
      ),
    ).toEqual({ nullFirst: 1, refBranch: "a", typeList: true, onlyNull: null });
  });

  it("makes strings each common format accepts", () => {
    const formats = ["date-time", "date", "uri", "email", "uuid", "ipv4", "byte"];
    const body = bodyFor({
      type: "object",
      properties: Object.fromEntries(formats.map((format) => [format, { type: "string", format }])),
    }) as Record<string, string>;
    expect(Number.isNaN(Date.parse(body["date-time"]!))).toBe(false);
    expect(body["date-time"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
    expect(body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new URL(body.uri!).protocol).toBe("https:");
    expect(body.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(body.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.ipv4).toMatch(/^(\d{1,3}\.){3}\d{1,3}$/);
    expect(Buffer.from(body.byte!, "base64").toString("base64")).toBe(body.byte);
  });

  it("keeps numbers within bounds, exclusive bounds and multipleOf, and strings within their lengths", () => {
    expect(
      bodyFor({
        type: "object",
        properties: {
          plain: { type: "integer" },
          atLeastTen: { type: "integer", minimum: 10 },
          belowZero: { type: "integer", exclusiveMaximum: 0 },
          aboveOne: { type: "number", exclusiveMinimum: 1 },
          byFives: { type: "integer", minimum: 3, multipleOf: 5 },
          long: { type: "string", minLength: 10 },
          short: { type: "string", maxLength: 2 },
          matching: { type: "string", pattern: "^[a-z]+$" },
        },
      }),
    ).toEqual({
      plain: 1,
      atLeastTen: 10,
      belowZero: -1,
      aboveOne: 1.5,
      byFives: 5,
      long: "samplexxxx",
      short: "sa",
      matching: "sample",
    });
  });

  it("builds nested objects with every property, arrays with one item (or minItems), maps with one entry", () => {
    expect(
      bodyFor(
        { $ref: "#/components/schemas/Run" },
        {
          schemas: {
            Run: {
              type: "object",
              required: ["id"],
              properties: {
                id: { type: "integer" },
                owner: { $ref: "#/components/schemas/User" },
                labels: { type: "array", items: { type: "string" } },
                flags: { type: "array", minItems: 3, items: { type: "boolean" } },
                point: {
                  type: "array",
                  prefixItems: [{ type: "integer" }, { type: "string" }],
                  items: false,
                },
                counts: { type: "object", additionalProperties: { type: "integer" } },
                anything: { type: "object", additionalProperties: true },
              },
            },
            User: { type: "object", properties: { email: { type: "string", format: "email" } } },
          },
        },
      ),
    ).toEqual({
      id: 1,
      owner: { email: "user@example.com" },
      labels: ["sample"],
      flags: [true, true, true],
      point: [1, "sample"],
      counts: { sample: 1 },
      anything: {},
    });
  });

  it("merges allOf, the Mintlify wrapper `allOf: [{anyOf: [..., null]}]` and $refs with siblings included", () => {
    expect(
      bodyFor(
        {
          allOf: [
            { $ref: "#/components/schemas/Base" },
            { type: "object", required: ["extra"], properties: { extra: { type: "boolean" } } },
          ],
        },
        {
          schemas: {
            Base: {
              type: "object",
              required: ["name"],
              properties: {
                name: { type: "string" },
                note: {
                  allOf: [{ anyOf: [{ type: "string", maxLength: 3 }, { type: "null" }] }],
                  title: "Note",
                },
                kind: { $ref: "#/components/schemas/Kind", description: "a sibling of the $ref" },
              },
            },
            Kind: { type: "string", enum: ["x"] },
          },
        },
      ),
    ).toEqual({ name: "sample", note: "sam", kind: "x", extra: true });
  });

  it("leaves out readOnly properties and optional ones that refer to themselves (an array of them stays empty)", () => {
    expect(
      bodyFor(
        { $ref: "#/components/schemas/Node" },
        {
          schemas: {
            Node: {
              type: "object",
              required: ["name", "id"],
              properties: {
                id: { type: "integer", readOnly: true },
                created: { $ref: "#/components/schemas/Stamp" },
                name: { type: "string" },
                parent: { $ref: "#/components/schemas/Node" },
                children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
              },
            },
            Stamp: { type: "string", format: "date-time", readOnly: true },
          },
        },
      ),
    ).toEqual({ name: "sample", children: [] });
  });

  it("sends a JSON body only when the operation takes one, optional bodies included", () => {
    const optionalBody = specWith({
      parameters: [idParameter],
      requestBody: jsonBody({ type: "integer" }, false),
    });
    expect(validRequest(optionalBody, "post", "/things/{id}").body).toBe(1);
    const viaRef = specWith(
      { parameters: [idParameter], requestBody: { $ref: "#/components/requestBodies/Thing" } },
      { components: { requestBodies: { Thing: jsonBody({ type: "string" }) } } },
    );
    expect(validRequest(viaRef, "post", "/things/{id}").body).toBe("sample");
    const multipartOptional = specWith({
      parameters: [idParameter],
      requestBody: { content: { "multipart/form-data": { schema: { type: "object" } } } },
    });
    expect(validRequest(multipartOptional, "post", "/things/{id}")).not.toHaveProperty("body");
  });
});

describe("what cannot be synthesised fails naming the operation and the place", () => {
  const failure = (spec: object, method = "post", path = "/things/{id}") => {
    try {
      validRequest(spec, method, path);
    } catch (error) {
      expect(error).toBeInstanceOf(SynthesisError);
      return (error as Error).message;
    }
    throw new Error("expected a SynthesisError");
  };

  it("an operation the spec does not have", () => {
    expect(failure(specWith({}), "delete")).toBe("DELETE /things/{id}: the spec has no such operation");
    expect(failure(specWith({}), "get", "/nope")).toBe("GET /nope: the spec has no such operation");
  });

  it("a required header parameter (a request has only path and query params)", () => {
    const spec = specWith({
      parameters: [idParameter, { name: "X-Key", in: "header", required: true, schema: { type: "string" } }],
    });
    expect(failure(spec)).toBe(
      'POST /things/{id}: the required header parameter "X-Key" cannot be sent as params.path or params.query',
    );
  });

  it("a required body that is not JSON", () => {
    const spec = specWith({
      parameters: [idParameter],
      requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object" } } } },
    });
    expect(failure(spec)).toBe(
      "POST /things/{id}: the request body is required but not application/json (multipart/form-data)",
    );
  });

  it("a string pattern the candidate does not match, an impossible bound, a required self-reference", () => {
    expect(
      failure(
        specWith({ parameters: [idParameter], requestBody: jsonBody({ type: "string", pattern: "^\\d+$" }) }),
      ),
    ).toBe(
      'POST /things/{id}, request body: "sample" does not match the pattern ^\\d+$ (give the schema an example)',
    );
    expect(
      failure(
        specWith({
          parameters: [idParameter],
          requestBody: jsonBody({ type: "integer", minimum: 2, maximum: 3, multipleOf: 5 }),
        }),
      ),
    ).toBe("POST /things/{id}, request body: no integer satisfies the bounds and multipleOf");
    const loop = {
      schemas: {
        Node: {
          type: "object",
          required: ["next"],
          properties: { next: { $ref: "#/components/schemas/Node" } },
        },
      },
    };
    expect(
      failure(
        specWith(
          { parameters: [idParameter], requestBody: jsonBody({ $ref: "#/components/schemas/Node" }) },
          { components: loop },
        ),
      ),
    ).toBe(
      "POST /things/{id}, request body.next: the schema refers to itself through #/components/schemas/Node",
    );
  });

  it("a $ref that does not resolve", () => {
    const spec = specWith({
      parameters: [idParameter],
      requestBody: jsonBody({ $ref: "#/components/schemas/Gone" }),
    });
    expect(failure(spec)).toBe(
      "POST /things/{id}, request body: $ref #/components/schemas/Gone does not resolve (only local ones, #/…, are followed)",
    );
  });
});

describe("the committed spec", () => {
  const spec = JSON.parse(
    readFileSync(join(import.meta.dirname, "../../src/generated/openapi.json"), "utf8"),
  ) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => isHttpMethod(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );

  it.each(operations)(
    "$method $path gets every path parameter, and a body if it takes one",
    ({ method, path, operation }) => {
      const request = validRequest(spec, method, path);
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      expect(Object.keys(request.params.path ?? {}).sort()).toEqual(names.sort());
      expect(request.body !== undefined).toBe(operation.requestBody !== undefined);
    },
  );
});
