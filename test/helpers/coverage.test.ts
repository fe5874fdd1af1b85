import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { paths } from "../../src/generated/schema.js";
import { createHelpers } from "../../src/helpers/index.js";
import { helperByOperationId, renderCoverageTable } from "../../scripts/lib/coverage-table.js";

type Fragment = { paths: Record<string, Record<string, { operationId: string }>> };

/** Every operation of the committed fragments, merged the way the build merges them. */
function fragmentsSpec(): Fragment {
  const root = join(import.meta.dirname, "../../openapi");
  const spec: Fragment = { paths: {} };
  const sections = readdirSync(root, { withFileTypes: true }).filter(
    (e) => e.isDirectory() && e.name !== "overrides",
  );
  for (const { name: section } of sections) {
    for (const file of readdirSync(join(root, section)).filter((name) => name.endsWith(".yaml"))) {
      const fragment = parse(readFileSync(join(root, section, file), "utf8")) as Fragment;
      for (const [path, item] of Object.entries(fragment.paths))
        spec.paths[path] = { ...spec.paths[path], ...item };
    }
  }
  return spec;
}

const operations = Object.values(fragmentsSpec().paths).flatMap((item) => Object.values(item));

describe("API coverage", () => {
  const helpers = createHelpers({ api: createClient<paths>({ baseUrl: "http://127.0.0.1:9" }), orgId: 1 });

  it("covers all 25 documented operations", () => {
    expect(operations).toHaveLength(25);
  });

  it.each(operations.map((op) => [op.operationId]))(
    "%s has a helper that exists on createHelpers()",
    (id) => {
      const helper = helperByOperationId[id];
      expect(helper, `no helper listed for ${id}`).toBeDefined();
      const fn = helper!
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], helpers);
      expect(typeof fn, `${helper} is not a function on createHelpers()`).toBe("function");
    },
  );

  it("lists no helper for an operation the spec does not have", () => {
    const ids = new Set(operations.map((op) => op.operationId));
    expect(Object.keys(helperByOperationId).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("renders one row per operation with method, path, helper and rate limit", () => {
    const table = renderCoverageTable(fragmentsSpec());
    const lines = table.split("\n");
    expect(lines).toHaveLength(2 + 25);
    expect(lines).toContain(
      "| Create Agent Run | `POST /v1/organizations/{org_id}/agent/run` | `agentRuns.create` | 10 / 60 s (agent-creation) |",
    );
    expect(lines).toContain(
      "| Get Cli Rules | `GET /v1/organizations/{org_id}/cli/rules` | `cliRules.get` | 30 / 60 s (get-cli-rules) |",
    );
  });

  it("shows an operation without a helper as reachable through `api`", () => {
    const table = renderCoverageTable({
      paths: { "/v1/new": { get: { operationId: "brand_new", summary: "Brand New", tags: ["x"] } } },
    });
    expect(table).toContain("| Brand New | `GET /v1/new` | `api.GET` (no helper yet) | not documented |");
  });

  it("names the operation when the spec lacks an operationId", () => {
    expect(() => renderCoverageTable({ paths: { "/v1/x": { post: {} } } })).toThrow(
      "renderCoverageTable: POST /v1/x has no operationId",
    );
  });
});
