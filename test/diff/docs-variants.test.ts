import { cp, mkdir, readFile, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSpec } from "../../scripts/lib/spec/pipeline.js";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import {
  diffSpecs,
  recordSpecChange,
  renderMarkdown,
  type OpenApiDocument,
} from "../../scripts/lib/diff/index.js";
import { serveDocs } from "../servers/docs-site.js";
import { docsWithVariant, SNAPSHOT, tempDir, VARIANTS } from "./docs-site.js";

/**
 * The docs-change workflow end to end, on temp copies only: the snapshot is imported and built once (the
 * "committed" state); each variant is then served from a loopback HTTP server, imported over that state by URL
 * (as `npm run docs:import -- https://docs.codegen.com` does), built, and diffed against it.
 */
const VARIANT_NAMES = [
  "page-added",
  "page-removed",
  "field-type-changed",
  "new-required-parameter",
  "enum-value-removed",
  "description-only",
] as const;

let work: string;
let committedOpenapi: string;
let committedSpec: OpenApiDocument;

/**
 * The repo's overrides are used in place (they import the build's helpers by relative path); a temp openapi/
 * gets the repo's base.yaml and never its fragments (the import writes those).
 */
const OVERRIDES = resolve("openapi/overrides");
const build = async (openapiDir: string) =>
  (await buildSpec({ openapiDir, overridesDir: OVERRIDES })).spec as OpenApiDocument;

async function importVariant(
  variant: string,
): Promise<{ openapiDir: string; removed: string[]; spec: OpenApiDocument }> {
  const site = await serveDocs(await docsWithVariant(variant, work));
  try {
    const openapiDir = join(work, `openapi-${variant}`);
    await cp(committedOpenapi, openapiDir, { recursive: true });
    const { removed } = await importDocs({ source: site.url, outDir: openapiDir });
    expect(site.requests).toContain("/llms.txt");
    return { openapiDir, removed, spec: await build(openapiDir) };
  } finally {
    await site.close();
  }
}

beforeAll(async () => {
  work = await tempDir("docs-variants-");
  committedOpenapi = join(work, "openapi-committed");
  await mkdir(committedOpenapi);
  await cp(resolve("openapi/base.yaml"), join(committedOpenapi, "base.yaml"));
  await importDocs({ source: SNAPSHOT, outDir: committedOpenapi });
  committedSpec = await build(committedOpenapi);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe.each(VARIANT_NAMES)("docs variant %s", (variant) => {
  it("re-imported over HTTP and rebuilt, reports exactly expected.json and expected.md", async () => {
    const { spec } = await importVariant(variant);
    const report = diffSpecs(committedSpec, spec);
    expect(report).toEqual(JSON.parse(await readFile(join(VARIANTS, variant, "expected.json"), "utf8")));
    expect(renderMarkdown(report)).toBe(await readFile(join(VARIANTS, variant, "expected.md"), "utf8"));
  });
});

describe("what each variant's report must say", () => {
  const expected = async (variant: string) =>
    JSON.parse(await readFile(join(VARIANTS, variant, "expected.json"), "utf8")) as ReturnType<
      typeof diffSpecs
    >;

  it("a description-only change: no API change, docs only, bump patch", async () => {
    const report = await expected("description-only");
    expect(report.bump).toBe("patch");
    expect(report.changes.every((change) => change.severity === "docs")).toBe(true);
    expect(await readFile(join(VARIANTS, "description-only", "expected.md"), "utf8")).toContain(
      "No API change",
    );
  });

  it("the breaking variants are major, the added page minor", async () => {
    for (const variant of [
      "page-removed",
      "field-type-changed",
      "new-required-parameter",
      "enum-value-removed",
    ]) {
      expect((await expected(variant)).bump, variant).toBe("major");
    }
    expect((await expected("page-added")).bump).toBe("minor");
  });
});

describe("docs:import then build, in one go", () => {
  it("a page gone from the index removes its fragment, and the report and CHANGELOG say the operation was removed", async () => {
    const { openapiDir, removed, spec } = await importVariant("page-removed");
    expect(removed).toEqual(["agents/resume-agent-run.yaml"]);
    await expect(stat(join(openapiDir, "agents/resume-agent-run.yaml"))).rejects.toMatchObject({
      code: "ENOENT",
    });

    const changelogPath = join(work, "CHANGELOG.md");
    const lines: string[] = [];
    const report = await recordSpecChange({
      previous: committedSpec,
      next: spec,
      changelogPath,
      log: (line) => lines.push(line),
    });
    expect(report?.changes).toContainEqual(
      expect.objectContaining({
        kind: "operation-removed",
        operation: "POST /v1/organizations/{org_id}/agent/run/resume",
      }),
    );
    expect(lines).toContain(
      "- `POST /v1/organizations/{org_id}/agent/run/resume` (resume_agent_run_v1_organizations__org_id__agent_run_resume_post)",
    );
    expect(lines).toContain("  - operation removed");
    const changelog = await readFile(changelogPath, "utf8");
    expect(changelog).toContain("## Unreleased");
    expect(changelog).toContain("operation removed");

    await recordSpecChange({
      previous: committedSpec,
      next: spec,
      changelogPath,
      log: (line) => lines.push(line),
    });
    expect(await readFile(changelogPath, "utf8")).toBe(changelog);
  });
});
