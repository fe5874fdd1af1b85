import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFragment } from "../../scripts/lib/spec/load.js";
import { mergeFragments, splitSpec } from "../../scripts/lib/spec/merge.js";
import { fixtureFragment } from "./project.js";

const base = {
  openapi: "3.1.0",
  info: { title: "Codegen Developer API", version: "1.0.0" },
  servers: [{ url: "https://api.codegen.com" }],
  paths: {},
};

const name = fc.stringMatching(/^[A-Z][A-Za-z]{0,8}$/);
const segment = fc.stringMatching(/^[a-z][a-z-]{0,8}$/);
const leafSchema = fc.oneof(
  fc.record({ type: fc.constantFrom("string", "integer", "boolean"), title: fc.string({ maxLength: 8 }) }),
  fc.record({ anyOf: fc.constant([{ type: "string" }, { type: "null" }]) }),
  fc.constant({}),
);

/** A plain-format fragment: one operation, its own components, some shared with other fragments by name. */
const fragmentArbitrary = (shared: Record<string, unknown>) =>
  fc
    .record({
      method: fc.constantFrom("get", "post", "put", "patch", "delete"),
      segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
      withParam: fc.boolean(),
      own: fc.dictionary(name, leafSchema, { maxKeys: 3 }),
      useShared: fc.subarray(Object.keys(shared)),
      sha: fc.stringMatching(/^[0-9a-f]{64}$/),
    })
    .map(({ method, segments, withParam, own, useShared, sha }) => {
      const path = `/v1/${segments.join("/")}${withParam ? "/{item_id}" : ""}`;
      const schemas: Record<string, unknown> = {};
      // Named after the operation (segments joined with "_", which no segment contains, and "." for the path
      // parameter): two fragments never declare one name with different schemas, which the merge rightly refuses.
      for (const [key, schema] of Object.entries(own))
        schemas[`Own${key}_${method}_${segments.join("_")}${withParam ? ".item" : ""}`] = schema;
      for (const key of useShared) schemas[key] = shared[key];
      // One property per schema, named as it is (lower-cased, "Wa" and "WA" would share one and leave the other
      // unreferenced, which the split rightly leaves out).
      const properties = Object.fromEntries(
        Object.keys(schemas).map((key) => [key, { $ref: `#/components/schemas/${key}` }]),
      );
      const operation: Record<string, unknown> = {
        tags: [segments[0]],
        summary: `Op ${path}`,
        operationId: `${method}_${path.replace(/\W+/g, "_")}`,
        responses: {
          "200": {
            description: "OK",
            content: { "application/json": { schema: { type: "object", properties } } },
          },
        },
      };
      if (withParam)
        operation.parameters = [{ name: "item_id", in: "path", required: true, schema: { type: "integer" } }];
      const document: Record<string, unknown> = {
        openapi: "3.1.0",
        info: base.info,
        "x-source": { url: `https://docs.codegen.com/api-reference${path}.md`, sha256: sha },
        servers: base.servers,
        paths: { [path]: { [method]: operation } },
      };
      if (Object.keys(schemas).length) document.components = { schemas };
      return document;
    });

/** Drops documents repeating an operation: same method and path, or same operationId ("/a-b" and "/a/b" share one). */
const uniqueOperations = (documents: Array<Record<string, any>>) => {
  const seen = new Set<string>();
  return documents.filter((document) => {
    const [path, item] = Object.entries(document.paths)[0] as [string, Record<string, any>];
    const [method, operation] = Object.entries(item)[0]!;
    const keys = [`${method} ${path}`, operation.operationId as string];
    const fresh = keys.every((key) => !seen.has(key));
    for (const key of keys) seen.add(key);
    return fresh;
  });
};

const sortByOperation = (documents: Array<Record<string, any>>) =>
  [...documents].sort((a, b) => JSON.stringify(a.paths).localeCompare(JSON.stringify(b.paths)));

describe("merge and split", () => {
  it("a plain-format fragment survives merge and split unchanged", async () => {
    const fixture = await fixtureFragment("ban-all-checks-for-agent-run");
    const document = { ...fixture, info: base.info, servers: base.servers };
    delete (document as Record<string, unknown>).security;
    const { spec } = mergeFragments(base, [readFragment(document, "fixture.yaml")]);
    expect(splitSpec(spec)).toEqual([document]);
  });

  it("any set of plain-format fragments survives merge and split unchanged (property)", () => {
    const shared = {
      Shared: { type: "object", properties: { id: { type: "integer" } } },
      Other: { type: "string" },
    };
    fc.assert(
      fc.property(
        fc.array(fragmentArbitrary(shared), { minLength: 1, maxLength: 6 }).map(uniqueOperations),
        (documents) => {
          const fragments = documents.map((document, index) =>
            readFragment(structuredClone(document), `f${index}.yaml`),
          );
          const { spec } = mergeFragments(base, fragments);
          expect(sortByOperation(splitSpec(spec))).toEqual(sortByOperation(documents));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
