import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { format } from "prettier";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { COMMITTED_FRAGMENTS, FIXTURE_DOCS, copyOfDocs, readTree, scratchDir } from "./helpers.js";
import { serveDocs } from "../servers/docs-site.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => {
  scratch = await scratchDir();
});
afterEach(async () => {
  await scratch.cleanup();
});

/** The committed fragments, i.e. openapi/ minus what the build engineer owns there. */
async function committedFragments(): Promise<Map<string, string>> {
  const tree = await readTree(COMMITTED_FRAGMENTS);
  return new Map([...tree].filter(([path]) => path.includes("/") && !path.startsWith("overrides/")));
}

describe("importing the docs snapshot", () => {
  it("the committed openapi/ fragments are exactly what docs:import produces from the snapshot", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const produced = await readTree(out);
    const committed = await committedFragments();
    expect([...committed.keys()].sort()).toEqual([...produced.keys()].sort());
    for (const [path, content] of produced) expect(committed.get(path), path).toBe(content);
  });

  it("writes one fragment per operation page (25), each one operation tagged with its section", async () => {
    const out = join(scratch.path, "openapi");
    const result = await importDocs({ source: FIXTURE_DOCS, outDir: out });
    expect(result.written).toHaveLength(25);
    expect(result.added).toEqual(result.written);
    for (const [path, content] of await readTree(out)) {
      const document = parse(content);
      const [section] = path.split("/");
      const operations = Object.values(
        document.paths as Record<string, Record<string, { tags: string[] }>>,
      ).flatMap((item) => Object.values(item));
      expect(operations, path).toHaveLength(1);
      expect(operations[0]!.tags, path).toEqual([section]);
      expect(document["x-source"].url, path).toMatch(/^https:\/\/docs\.codegen\.com\/api-reference\/.+\.md$/);
      expect(document["x-source"].sha256, path).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("emits prettier-stable YAML ending in a newline", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    for (const [path, content] of await readTree(out)) {
      expect(content.endsWith("\n"), path).toBe(true);
      expect(await format(content, { parser: "yaml", printWidth: 110 }), path).toBe(content);
    }
  });

  it("a second run changes nothing and reports every fragment unchanged", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const lines: string[] = [];
    const again = await importDocs({ source: FIXTURE_DOCS, outDir: out, log: (line) => lines.push(line) });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(25);
    expect(lines).toEqual(["25 fragments: 0 added, 0 changed, 25 unchanged, 0 removed"]);
  });

  it("deletes the fragment of a page that left the index, and only imported fragments", async () => {
    const docs = await copyOfDocs(scratch.path);
    const out = join(scratch.path, "openapi");
    await importDocs({ source: docs, outDir: out });
    const index = join(docs, "llms.txt");
    const text = await readFile(index, "utf8");
    await writeFile(index, text.replace(/^- \[Get Cli Rules\].*$/m, ""));
    await writeFile(join(out, "base.yaml"), "openapi: 3.1.0\n");
    await writeFile(join(out, "agents", "hand-written.yaml"), "openapi: 3.1.0\n");
    await writeFile(join(out, "overrides-note.yaml"), "x-source: {}\n");
    const lines: string[] = [];
    const result = await importDocs({ source: docs, outDir: out, log: (line) => lines.push(line) });
    expect(result.removed).toEqual(["cli-rules/get-cli-rules.yaml"]);
    expect(lines).toContain("removed cli-rules/get-cli-rules.yaml");
    const tree = await readTree(out);
    expect(tree.has("cli-rules/get-cli-rules.yaml")).toBe(false);
    expect(
      tree.has("base.yaml") && tree.has("agents/hand-written.yaml") && tree.has("overrides-note.yaml"),
    ).toBe(true);
  });

  it("reports a page whose text changed as changed, and rewrites only that fragment", async () => {
    const docs = await copyOfDocs(scratch.path);
    const out = join(scratch.path, "openapi");
    await importDocs({ source: docs, outDir: out });
    const page = join(docs, "api-reference", "users", "get-user.md");
    await writeFile(page, (await readFile(page, "utf8")).replace("Get details for", "Get the details of"));
    const result = await importDocs({ source: docs, outDir: out });
    expect(result.written).toEqual(["users/get-user.yaml"]);
    expect(result.added).toEqual([]);
    expect(await readFile(join(out, "users", "get-user.yaml"), "utf8")).toContain("Get the details of");
  });

  it("a URL import from a loopback server gives byte-identical fragments to the directory import", async () => {
    const server = await serveDocs(FIXTURE_DOCS);
    try {
      const fromUrl = join(scratch.path, "from-url");
      const fromDir = join(scratch.path, "from-dir");
      await importDocs({ source: server.url, outDir: fromUrl });
      await importDocs({ source: FIXTURE_DOCS, outDir: fromDir });
      expect(await readTree(fromUrl)).toEqual(await readTree(fromDir));
      expect(server.requests).toContain("/llms.txt");
      expect(server.requests).toContain("/api-reference/overview.md");
      // Only the index, the overview and the 25 operation pages: guides and other docs are never fetched.
      expect(server.requests).toHaveLength(27);
    } finally {
      await server.close();
    }
  });
});

describe("fragments of the plain-format pages", () => {
  it("keep the upstream operation as it is, with repeated tags reduced to the section", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const fragment = parse(await readFile(join(out, "agents", "ban-all-checks-for-agent-run.yaml"), "utf8"));
    const page = await readFile(
      join(FIXTURE_DOCS, "api-reference", "agents", "ban-all-checks-for-agent-run.md"),
      "utf8",
    );
    const block = parse(page.match(/````yaml[^\n]*\n([\s\S]*?)````/)![1]!);
    const {
      tags,
      "x-rate-limit": rateLimit,
      ...operation
    } = fragment.paths["/v1/organizations/{org_id}/agent/run/ban"].post;
    const { tags: upstreamTags, ...upstream } = block.paths["/v1/organizations/{org_id}/agent/run/ban"].post;
    expect(upstreamTags).toEqual(["agents", "agents", "agents"]);
    expect(tags).toEqual(["agents"]);
    expect(operation).toEqual(upstream);
    expect(rateLimit).toEqual({ group: "standard", limit: 60, windowSeconds: 30, source: "overview" });
    expect(fragment.components).toEqual(block.components);
  });
});

describe("a converted Mintlify page equals what the plain format gives", () => {
  it("remove-codegen-from-pr has the ban page's parameters, request body, responses and components", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const read = async (slug: string) => parse(await readFile(join(out, "agents", `${slug}.yaml`), "utf8"));
    const ban = (await read("ban-all-checks-for-agent-run")).paths["/v1/organizations/{org_id}/agent/run/ban"]
      .post;
    const removeFragment = await read("remove-codegen-from-pr");
    const remove = removeFragment.paths["/v1/organizations/{org_id}/agent/run/remove-from-pr"].post;
    expect(remove.parameters).toEqual(ban.parameters);
    expect(remove.requestBody.content["application/json"].schema).toEqual(
      ban.requestBody.content["application/json"].schema,
    );
    expect(remove.requestBody.required).toBe(true);
    for (const status of ["200", "403", "404", "422", "429"]) {
      expect(remove.responses[status].description).toBe(ban.responses[status].description);
      expect(remove.responses[status].content["application/json"].schema).toEqual(
        ban.responses[status].content["application/json"].schema,
      );
    }
    const banComponents = (await read("ban-all-checks-for-agent-run")).components.schemas;
    expect(removeFragment.components.schemas).toEqual(banComponents);
    expect(remove.operationId).toBe(
      "remove_codegen_from_pr_v1_organizations__org_id__agent_run_remove_from_pr_post",
    );
  });

  it("every component shared by several fragments is identical in all of them (key order included)", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const first = new Map<string, { path: string; json: string }>();
    let shared = 0;
    for (const [path, content] of await readTree(out)) {
      for (const [name, schema] of Object.entries(parse(content).components?.schemas ?? {})) {
        const json = JSON.stringify(schema);
        const seen = first.get(name);
        if (!seen) first.set(name, { path, json });
        else {
          shared++;
          expect(json, `${name} in ${path} vs ${seen.path}`).toBe(seen.json);
        }
      }
    }
    expect(shared).toBeGreaterThan(50);
  });
});

it("the import of the snapshot leaves no temporary files behind", async () => {
  const out = join(scratch.path, "openapi");
  await importDocs({ source: FIXTURE_DOCS, outDir: out });
  expect([...(await readTree(out)).keys()].filter((path) => !path.endsWith(".yaml"))).toEqual([]);
  await rm(out, { recursive: true });
});
