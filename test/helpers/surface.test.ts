import { readFileSync } from "node:fs";
import { join } from "node:path";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import type { SurfaceReport } from "../../scripts/lib/spec/render-helpers.js";
import { createHelpers } from "../../src/helpers/index.js";

/**
 * The generated helper surface against the client as built: whatever the docs say today, every operation of the
 * spec has a helper, and every helper of the committed report (src/generated/surface.json, pinned by the build's
 * drift check) exists on the client and calls what the report says. Nothing here names an operation.
 */
const root = join(import.meta.dirname, "../..");
const spec = JSON.parse(readFileSync(join(root, "src/generated/openapi.json"), "utf8")) as {
  paths: Record<string, Record<string, { operationId: string }>>;
};
const report = JSON.parse(readFileSync(join(root, "src/generated/surface.json"), "utf8")) as SurfaceReport;
const helpers = createHelpers({ api: createClient({ baseUrl: "http://127.0.0.1:9" }), orgId: 1 });
const routes = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
);

describe("the helper surface follows the spec", () => {
  it("names every operation of the spec, and only those", () => {
    expect(Object.values(report.operations).sort()).toEqual([...routes].sort());
  });

  it.each(Object.keys(report.helpers))("%s is a method of its namespace on the client", (name) => {
    const [namespace, method] = name.split(".") as [string, string];
    const target = (helpers as unknown as Record<string, Record<string, unknown>>)[namespace];
    expect(typeof target?.[method]).toBe("function");
  });

  it("every operation is called by exactly one helper", () => {
    const called = Object.values(report.helpers).flatMap((helper) => helper.operations);
    expect(called.sort()).toEqual(Object.keys(report.operations).sort());
  });

  it("the hand-written helpers are on the client and call operations of the spec", () => {
    for (const [names, operations] of Object.entries(report.workflows)) {
      for (const name of names.split(", "))
        expect(typeof (helpers as unknown as Record<string, unknown>)[name], name).toBe("function");
      for (const operation of operations) expect(report.operations[operation], operation).toBeDefined();
    }
  });

  it("helpers are defined once: two clients share every method", () => {
    const other = createHelpers({ api: createClient({ baseUrl: "http://127.0.0.1:9" }), orgId: 2 });
    for (const name of Object.keys(report.helpers)) {
      const [namespace, method] = name.split(".") as [string, string];
      const own = (helpers as unknown as Record<string, Record<string, unknown>>)[namespace]!;
      const theirs = (other as unknown as Record<string, Record<string, unknown>>)[namespace]!;
      expect(own[method], name).toBe(theirs[method]);
      expect(Object.keys(own), name).toEqual([]);
    }
    expect(helpers.waitForAgentRun).toBe(other.waitForAgentRun);
  });
});
