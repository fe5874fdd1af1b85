import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ImportError } from "../../scripts/lib/import/errors.js";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { convertMintlifyBlock } from "../../scripts/lib/import/mintlify.js";
import { fastApiOperationId } from "../../scripts/lib/import/operation-id.js";
import { parseDocsPage } from "../../scripts/lib/import/page.js";
import {
  assignRateLimit,
  parseAmount,
  parseOverviewRateLimits,
  parsePageRateLimit,
} from "../../scripts/lib/import/rate-limits.js";
import { FIXTURE_DOCS, copyOfDocs, scratchDir } from "./helpers.js";

const PLAIN_PAGES = [
  "agents/ban-all-checks-for-agent-run",
  "agents/unban-all-checks-for-agent-run",
  "pull-requests/edit-pull-request-simple",
  "users/get-current-user-info",
];

/** A minimal Mintlify block: GET /v1/things with the given request/response parts. */
function convert(parts: {
  parameters?: object;
  body?: object;
  response?: object;
  deprecated?: boolean;
  components?: object;
}) {
  return convertMintlifyBlock(
    {
      paths: {
        path: "/v1/things",
        method: "get",
        request: { security: [], parameters: parts.parameters ?? {}, body: parts.body ?? {} },
        response: parts.response ?? {
          "200": { "application/json": { schemaArray: [{ type: "any" }], description: "OK" } },
        },
        deprecated: parts.deprecated ?? false,
        type: "path",
      },
      components: parts.components,
    },
    "page.md",
  );
}

const ok = (schemaArray: object[], extra: object = {}) => ({
  "200": { "application/json": { schemaArray, description: "OK", ...extra } },
});

describe("Mintlify conversion rules", () => {
  it("a one-entry schemaArray is the schema itself", () => {
    const { operation } = convert({ response: ok([{ type: "string", title: "Name" }]) });
    expect(operation.responses).toEqual({
      "200": {
        description: "OK",
        content: { "application/json": { schema: { type: "string", title: "Name" } } },
      },
    });
  });

  it("several entries are anyOf alternatives, the annotations they all repeat moved beside anyOf", () => {
    const { operation } = convert({
      parameters: {
        query: {
          user_id: {
            schema: [
              { type: "integer", required: false, title: "User Id", description: "Filter" },
              { type: "null", required: false, title: "User Id", description: "Filter" },
            ],
          },
        },
      },
    });
    expect(operation.parameters).toEqual([
      {
        name: "user_id",
        in: "query",
        required: false,
        schema: { anyOf: [{ type: "integer" }, { type: "null" }], title: "User Id", description: "Filter" },
        description: "Filter",
      },
    ]);
  });

  it("a refIdentifier alternative of a parameter becomes a component keeping its own title", () => {
    const { operation, components } = convert({
      parameters: {
        query: {
          kind: {
            schema: [
              {
                type: "enum<string>",
                enum: ["A", "B"],
                required: false,
                title: "Kind",
                description: "Filter",
                refIdentifier: "#/components/schemas/Kind",
              },
              { type: "null", required: false, title: "Kind Filter", description: "Filter" },
            ],
          },
        },
      },
    });
    expect((operation.parameters as object[])[0]).toMatchObject({
      schema: {
        anyOf: [{ $ref: "#/components/schemas/Kind" }, { type: "null" }],
        title: "Kind Filter",
        description: "Filter",
      },
    });
    expect(components).toEqual({ schemas: { Kind: { type: "string", enum: ["A", "B"], title: "Kind" } } });
  });

  it("refIdentifier on a body, a response and a nested property each emit a component and a $ref", () => {
    const { operation, components } = convert({
      body: {
        "application/json": {
          schemaArray: [
            {
              type: "object",
              properties: {
                owner: {
                  allOf: [
                    {
                      type: "object",
                      properties: { id: { allOf: [{ type: "integer", title: "Id" }] } },
                      title: "Owner",
                      refIdentifier: "#/components/schemas/Owner",
                      requiredProperties: ["id"],
                    },
                  ],
                },
              },
              required: true,
              title: "Input",
              refIdentifier: "#/components/schemas/Input",
            },
          ],
        },
      },
      response: ok([
        { type: "object", properties: {}, title: "Output", refIdentifier: "#/components/schemas/Output" },
      ]),
    });
    expect(operation.requestBody).toEqual({
      required: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Input" } } },
    });
    expect((operation.responses as any)["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Output",
    });
    expect(components).toEqual({
      schemas: {
        Input: {
          properties: { owner: { $ref: "#/components/schemas/Owner" } },
          type: "object",
          title: "Input",
        },
        Output: { properties: {}, type: "object", title: "Output" },
        Owner: {
          properties: { id: { type: "integer", title: "Id" } },
          type: "object",
          required: ["id"],
          title: "Owner",
        },
      },
    });
  });

  it("requiredProperties become the component's required list, in pydantic's key order", () => {
    const { components } = convert({
      response: ok([
        {
          type: "object",
          properties: { a: { allOf: [{ type: "string" }] } },
          title: "T",
          description: "D",
          refIdentifier: "#/components/schemas/T",
          requiredProperties: ["a"],
        },
      ]),
    });
    expect(JSON.stringify((components as any).schemas.T)).toBe(
      JSON.stringify({
        properties: { a: { type: "string" } },
        type: "object",
        required: ["a"],
        title: "T",
        description: "D",
      }),
    );
  });

  it("per-parameter required: true becomes the parameter's required", () => {
    const { operation } = convert({
      parameters: { path: { id: { schema: [{ type: "integer", required: true, title: "Id" }] } } },
    });
    expect(operation.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "integer", title: "Id" } },
    ]);
  });

  it("alternatives disagreeing on required are an error", () => {
    expect(() =>
      convert({
        parameters: {
          query: {
            id: {
              schema: [
                { type: "integer", required: true },
                { type: "null", required: false },
              ],
            },
          },
        },
      }),
    ).toThrow(/parameter query "id": its alternatives disagree on "required"/);
  });

  it("a one-element allOf is unwrapped, merging annotations inside and beside it", () => {
    const { operation } = convert({
      response: ok([
        {
          type: "object",
          properties: {
            a: { allOf: [{ type: "string", title: "A" }], description: "beside" },
            b: { allOf: [{ $ref: "#/components/schemas/B" }] },
          },
        },
      ]),
      components: { schemas: { B: { type: "string" } } },
    });
    expect((operation.responses as any)["200"].content["application/json"].schema).toEqual({
      properties: {
        a: { type: "string", title: "A", description: "beside" },
        b: { $ref: "#/components/schemas/B" },
      },
      type: "object",
    });
  });

  it("an annotation that differs inside and beside a one-element allOf is an error", () => {
    expect(() =>
      convert({
        response: ok([{ type: "object", properties: { a: { allOf: [{ title: "A" }], title: "B" } } }]),
      }),
    ).toThrow(/property "a": "title" differs inside and beside its one-element allOf/);
  });

  it("type any is no constraint and enum<string> is a string enum", () => {
    const { operation } = convert({
      response: ok([
        {
          type: "object",
          properties: {
            x: { allOf: [{ type: "any" }] },
            y: { allOf: [{ type: "enum<string>", enum: ["a"] }] },
          },
        },
      ]),
    });
    expect((operation.responses as any)["200"].content["application/json"].schema.properties).toEqual({
      x: {},
      y: { type: "string", enum: ["a"] },
    });
  });

  it("a _mintlify/placeholder response has a description and no content", () => {
    const { operation } = convert({
      response: {
        "404": {
          "_mintlify/placeholder": {
            schemaArray: [{ type: "any", description: "Gone" }],
            examples: {},
            description: "Gone",
          },
        },
      },
    });
    expect(operation.responses).toEqual({ "404": { description: "Gone" } });
  });

  it("examples become the media type's examples; empty ones are dropped", () => {
    const examples = { example: { value: { a: 1 } } };
    const { operation } = convert({ response: ok([{ type: "any" }], { examples }) });
    expect((operation.responses as any)["200"].content["application/json"]).toEqual({ schema: {}, examples });
  });

  it("an unnamed top-level object with empty properties is the open object Mintlify rendered that way", () => {
    const { operation } = convert({
      response: ok([{ type: "object", properties: {}, title: "Response Update Things" }]),
    });
    expect(JSON.stringify((operation.responses as any)["200"].content["application/json"].schema)).toBe(
      JSON.stringify({ additionalProperties: true, type: "object", title: "Response Update Things" }),
    );
  });

  it("a named empty model, a nested empty object and a constrained one keep their empty properties", () => {
    const { operation, components } = convert({
      body: {
        "application/json": {
          schemaArray: [
            { type: "object", properties: {}, title: "Empty", refIdentifier: "#/components/schemas/Empty" },
          ],
        },
      },
      response: {
        ...ok([{ type: "object", properties: { inner: { allOf: [{ type: "object", properties: {} }] } } }]),
        "201": {
          "application/json": {
            schemaArray: [{ type: "object", properties: {}, additionalProperties: false }],
            description: "Created",
          },
        },
      },
    });
    expect((components as any).schemas.Empty).toEqual({ properties: {}, type: "object", title: "Empty" });
    const responses = operation.responses as any;
    expect(responses["200"].content["application/json"].schema.properties.inner).toEqual({
      type: "object",
      properties: {},
    });
    expect(responses["201"].content["application/json"].schema).toEqual({
      properties: {},
      additionalProperties: false,
      type: "object",
    });
  });

  it("the Update Check Suite Settings page's answer (an open object upstream) converts to an open object", async () => {
    const page = "repositories/update-check-suite-settings";
    const text = await readFile(join(FIXTURE_DOCS, "api-reference", `${page}.md`), "utf8");
    const block = parse(text.match(/````yaml[^\n]*\n([\s\S]*?)````/)![1]!);
    const { operation } = convertMintlifyBlock(block, `${page}.md`);
    expect((operation.responses as any)["200"].content["application/json"].schema).toEqual({
      additionalProperties: true,
      type: "object",
      title: "Response Update Check Suite Settings V1 Organizations  Org Id  Repos Check Suite Settings Put",
    });
  });

  it("deprecated: true is kept and deprecated: false left out", () => {
    expect(convert({ deprecated: true }).operation.deprecated).toBe(true);
    expect("deprecated" in convert({ deprecated: false }).operation).toBe(false);
  });

  it("a component rendered twice with different content is an error naming the operation", () => {
    const entry = (title: string) => ({
      type: "object",
      properties: {},
      title,
      refIdentifier: "#/components/schemas/X",
    });
    const error = (() => {
      try {
        convert({
          response: {
            ...ok([entry("One")]),
            "201": { "application/json": { schemaArray: [entry("Two")], description: "C" } },
          },
        });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(
      "page.md (GET /v1/things): component X is rendered twice on the page with different content",
    );
  });
});

describe("plain-format pages", () => {
  it("keep an empty-properties object as written: it is the source, not Mintlify's rendering", async () => {
    const scratch = await scratchDir();
    try {
      const docs = await copyOfDocs(scratch.path);
      const page = join(docs, "api-reference", "agents", "ban-all-checks-for-agent-run.md");
      const text = await readFile(page, "utf8");
      await writeFile(page, text.replace("schema: {}", "schema: { type: object, properties: {} }"));
      const out = join(scratch.path, "openapi");
      await importDocs({ source: docs, outDir: out });
      const fragment = parse(
        await readFile(join(out, "agents", "ban-all-checks-for-agent-run.yaml"), "utf8"),
      );
      const operation = fragment.paths["/v1/organizations/{org_id}/agent/run/ban"].post;
      expect(operation.responses["200"].content["application/json"].schema).toEqual({
        type: "object",
        properties: {},
      });
    } finally {
      await scratch.cleanup();
    }
  });
});

describe("what the page supplies", () => {
  it.each(PLAIN_PAGES)("the operationId rule reproduces the plain page's own (%s)", async (page) => {
    const text = await readFile(join(FIXTURE_DOCS, "api-reference", `${page}.md`), "utf8");
    const block = parse(text.match(/````yaml[^\n]*\n([\s\S]*?)````/)![1]!);
    const [[path, item]] = Object.entries(block.paths) as [[string, Record<string, { operationId: string }>]];
    const [method, operation] = Object.entries(item)[0]!;
    expect(fastApiOperationId(parseDocsPage(text, page).title, method, path)).toBe(operation.operationId);
  });

  it.each(PLAIN_PAGES)(
    "the page's title and text are the plain page's summary and description (%s)",
    async (page) => {
      const text = await readFile(join(FIXTURE_DOCS, "api-reference", `${page}.md`), "utf8");
      const operation = Object.values(
        Object.values(parse(text.match(/````yaml[^\n]*\n([\s\S]*?)````/)![1]!).paths)[0] as object,
      )[0];
      const parsed = parseDocsPage(text, page);
      expect(parsed.title).toBe(operation.summary);
      expect(parsed.description).toBe(operation.description);
    },
  );
});

describe("rate limits", () => {
  it("reads N requests per [M] seconds/minute", () => {
    expect(parseAmount("60 requests per 30 seconds")).toEqual({ limit: 60, windowSeconds: 30 });
    expect(parseAmount("10 requests per minute.")).toEqual({ limit: 10, windowSeconds: 60 });
    expect(parseAmount("5 requests per 2 minutes")).toEqual({ limit: 5, windowSeconds: 120 });
    expect(parseAmount("lots of requests")).toBeUndefined();
  });

  it("reads the overview's categories without hard-coded numbers", async () => {
    const overview = await readFile(join(FIXTURE_DOCS, "api-reference", "overview.md"), "utf8");
    const policy = parseOverviewRateLimits(overview, "overview.md");
    expect(policy.standard).toMatchObject({ group: "standard", limit: 60, windowSeconds: 30 });
    expect(policy.named.map(({ group, limit, windowSeconds }) => [group, limit, windowSeconds])).toEqual([
      ["agent-creation", 10, 60],
      ["setup-commands", 5, 60],
      ["log-analysis", 5, 60],
    ]);
    const changed = parseOverviewRateLimits(
      overview.replace("60 requests per 30 seconds", "100 requests per minute"),
      "o",
    );
    expect(changed.standard).toMatchObject({ limit: 100, windowSeconds: 60 });
  });

  it("an unreadable overview item fails loudly", () => {
    expect(() =>
      parseOverviewRateLimits("## Rate Limits\n\n* **Standard endpoints**: plenty\n", "overview.md"),
    ).toThrow('overview.md: cannot read the rate limit "* **Standard endpoints**: plenty"');
  });

  it("assigns the standard group, a named category, or a group of the operation's own", async () => {
    const overview = await readFile(join(FIXTURE_DOCS, "api-reference", "overview.md"), "utf8");
    const policy = parseOverviewRateLimits(overview, "overview.md");
    const context = { source: "p", operation: "X" };
    const op = (summary: string, path = "/v1/x") => ({ summary, path, tag: "t" });
    expect(assignRateLimit(policy, undefined, op("Get User"), context)).toEqual({
      group: "standard",
      limit: 60,
      windowSeconds: 30,
      source: "overview",
    });
    expect(assignRateLimit(policy, { limit: 60, windowSeconds: 30 }, op("Get User"), context).group).toBe(
      "standard",
    );
    expect(
      assignRateLimit(policy, { limit: 10, windowSeconds: 60 }, op("Create Agent Run"), context).group,
    ).toBe("agent-creation");
    expect(
      assignRateLimit(policy, { limit: 5, windowSeconds: 60 }, op("Analyze Sandbox Logs"), context).group,
    ).toBe("log-analysis");
    expect(
      assignRateLimit(
        policy,
        { limit: 5, windowSeconds: 60 },
        op("Generate", "/v1/setup-commands/generate"),
        context,
      ).group,
    ).toBe("setup-commands");
    expect(assignRateLimit(policy, { limit: 30, windowSeconds: 60 }, op("Get Cli Rules"), context)).toEqual({
      group: "get-cli-rules",
      limit: 30,
      windowSeconds: 60,
      source: "page",
    });
  });

  it("two different stated limits on one page are an error", () => {
    expect(() =>
      parsePageRateLimit("Rate limit: 5 requests per minute.\nRate limit: 6 requests per minute.", {
        source: "p",
        operation: "GET /x",
      }),
    ).toThrow("p (GET /x): the page states different rate limits");
  });
});
