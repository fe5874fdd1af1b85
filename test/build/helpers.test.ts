import { describe, expect, it } from "vitest";
import { BuildError } from "../../scripts/lib/spec/errors.js";
import type { NamingTable } from "../../scripts/lib/spec/naming.js";
import { renderHelpers } from "../../scripts/lib/spec/render-helpers.js";
import { buildSurface, operationName } from "../../scripts/lib/spec/surface.js";

/** A spec of the given operations ("METHOD /path" → operation), FastAPI-style operationIds. */
function spec(operations: Record<string, Record<string, unknown>>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [route, operation] of Object.entries(operations)) {
    const [method, path] = route.split(" ") as [string, string];
    paths[path] = { ...paths[path], [method.toLowerCase()]: { responses: {}, ...operation } };
  }
  return { openapi: "3.1.0", paths };
}
const orgId = { name: "org_id", in: "path", required: true, schema: { type: "integer" } };
const id = (name: string) => ({ name, in: "path", required: true, schema: { type: "integer" } });
const query = (name: string, required = false) => ({
  name,
  in: "query",
  required,
  schema: { type: "integer" },
});
const table = (entries: Record<string, object>): NamingTable => new Map(Object.entries(entries));
const surfaceOf = (s: object, t: NamingTable = new Map(), sources: { file: string; text: string }[] = []) =>
  buildSurface(s as never, t, "openapi/helpers.yaml", sources);
const signatures = (s: object, t?: NamingTable) =>
  renderHelpers(surfaceOf(s, t), "openapi/helpers.yaml").report.helpers;

describe("operation names", () => {
  it("are the operationId up to _v1_, camelCased, and the whole id otherwise", () => {
    expect(operationName("get_agent_run_v1_organizations__org_id__agent_run__agent_run_id__get")).toBe(
      "getAgentRun",
    );
    expect(operationName("listThings")).toBe("listThings");
  });
});

describe("helpers generated from the spec and the naming table", () => {
  const thing = spec({
    "GET /v1/organizations/{org_id}/things/{thing_id}": {
      operationId: "get_thing_v1_x",
      tags: ["things"],
      parameters: [orgId, id("thing_id"), query("verbose")],
    },
  });

  it("an operation without an entry gets its default name (tag, operation name) and a notice", () => {
    const surface = surfaceOf(thing);
    expect(surface.helpers.map((helper) => helper.name)).toEqual(["things.getThing"]);
    expect(surface.notices.join("\n")).toMatch(
      /\(getThing\) is new: its helper is `things\.getThing` by default/,
    );
    expect(signatures(thing)["things.getThing"]!.signature).toBe(
      'getThing(thingId: number, query: OperationQuery<"getThing"> = {}, options?: RequestOptions): Promise<void>',
    );
  });

  it("args name positional parameters wherever they live, so a parameter moving from path to query keeps its call", () => {
    const inQuery = spec({
      "GET /v1/organizations/{org_id}/settings": {
        operationId: "get_settings_v1_x",
        parameters: [orgId, query("repo_id", true)],
      },
    });
    const inPath = spec({
      "GET /v1/organizations/{org_id}/repos/{repo_id}/settings": {
        operationId: "get_settings_v1_y",
        parameters: [orgId, id("repo_id")],
      },
    });
    const named = table({ getSettings: { helper: "settings.get", args: ["repo_id"] } });
    expect(signatures(inQuery, named)["settings.get"]!.signature).toBe(
      "get(repoId: number, options?: RequestOptions): Promise<void>",
    );
    expect(signatures(inPath, named)["settings.get"]).toEqual(signatures(inQuery, named)["settings.get"]);
  });

  it("two operations on one helper name fail the build naming both", () => {
    const two = spec({
      "GET /v1/a": { operationId: "get_a_v1_x" },
      "GET /v1/b": { operationId: "get_b_v1_x" },
    });
    const error = (() => {
      try {
        surfaceOf(two, table({ getA: { helper: "x.get" }, getB: { helper: "x.get" } }));
      } catch (caught) {
        return caught;
      }
    })() as BuildError;
    expect(error).toBeInstanceOf(BuildError);
    expect(error.message).toMatch(
      /getA: GET \/v1\/a.*getB: GET \/v1\/b.*helper x\.get is claimed by 2 operations/,
    );
  });

  it("two operations share a helper when options select all but one of them", () => {
    const edit = spec({
      "PATCH /v1/organizations/{org_id}/repos/{repo_id}/prs/{pr_id}": {
        operationId: "edit_pr_v1_x",
        parameters: [orgId, id("repo_id"), id("pr_id")],
      },
      "PATCH /v1/organizations/{org_id}/prs/{pr_id}": {
        operationId: "edit_pr_simple_v1_x",
        parameters: [orgId, id("pr_id")],
      },
    });
    const { code, report } = renderHelpers(
      surfaceOf(
        edit,
        table({
          editPr: { helper: "prs.edit", args: ["pr_id"], options: ["repo_id"] },
          editPrSimple: { helper: "prs.edit" },
        }),
      ),
      "openapi/helpers.yaml",
    );
    expect(report.helpers["prs.edit"]).toEqual({
      signature: "edit(prId: number, options?: RequestOptions & { repoId?: number }): Promise<void>",
      operations: ["editPr", "editPrSimple"],
    });
    expect(code).toContain("if (options?.repoId !== undefined) return call(this, routes.editPr,");
  });

  it("a name that would hide a member of the client fails the build", () => {
    const s = spec({ "GET /v1/a": { operationId: "get_a_v1_x" } });
    expect(() => surfaceOf(s, table({ getA: { helper: "request.get" } }))).toThrow(/would hide a member/);
  });

  it("an entry whose operation is gone, and a type whose source is gone, are notices, not failures", () => {
    const surface = surfaceOf(
      thing,
      table({ getThing: { types: { Thing: "response.items[]" } }, deleteThing: { helper: "things.delete" } }),
    );
    expect(surface.types).toEqual([]);
    expect(surface.notices.join("\n")).toMatch(
      /type Thing \(getThing response\.items\[\]\): the docs no longer have it/,
    );
    expect(surface.notices.join("\n")).toMatch(
      /entry "deleteThing" names no operation.*helper things\.delete/,
    );
  });

  it("a list paged by skip/limit with { items, total } is a PagedList by its shape, items named by their shape", () => {
    const item = { type: "object", properties: { id: { type: "integer" } } };
    const paged = spec({
      "GET /v1/widgets": {
        operationId: "list_widgets_v1_x",
        tags: ["widgets"],
        parameters: [query("skip"), query("limit")],
        responses: {
          200: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { items: { type: "array", items: item }, total: { type: "integer" } },
                },
              },
            },
          },
        },
      },
      "GET /v1/widgets/{widget_id}": {
        operationId: "get_widget_v1_x",
        parameters: [id("widget_id")],
        responses: { 200: { content: { "application/json": { schema: { ...item, title: "Widget" } } } } },
      },
    });
    const named = table({ getWidget: { types: { Widget: "response" } } });
    expect(signatures(paged, named)["widgets.listWidgets"]!.signature).toBe(
      'listWidgets(query: OperationQuery<"listWidgets"> = {}, options?: Omit<RequestOptions, "orgId"> & PageOptions): PagedList<OperationResponse<"listWidgets">, Widget>',
    );
  });

  it("a hand-written helper calling an operation the spec lacks stops the build, naming the file and the helper", () => {
    const source = {
      file: "src/helpers/wait.ts",
      text: "export function waitForThing() { routes.getGone; }",
    };
    expect(() => surfaceOf(thing, new Map(), [source])).toThrow(
      /^src\/helpers\/wait\.ts \(getGone\): waitForThing calls the operation getGone, which the docs no longer document/,
    );
  });
});
