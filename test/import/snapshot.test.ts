import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { format } from "prettier";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import {
  COMMITTED_DOCS_PAGES,
  COMMITTED_FRAGMENTS,
  FIXTURE_DOCS,
  copyOfDocs,
  fragmentsOf,
  readTree,
  scratchDir,
} from "./helpers.js";
import { serveDocs } from "../servers/docs-site.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => {
  scratch = await scratchDir();
});
afterEach(async () => {
  await scratch.cleanup();
});

const GET_USER = ["api-reference", "users", "get-user.md"];

/** What docs:import wrote into openapi/ (fragments and kept pages), i.e. minus what the build engineer owns. */
async function committedImport(): Promise<Map<string, string>> {
  const tree = await readTree(COMMITTED_FRAGMENTS);
  return new Map([...tree].filter(([path]) => path.includes("/") && !path.startsWith("overrides/")));
}

describe("the committed import", () => {
  // Imported from the pages the last import kept, so the test follows the docs a sync brought in, and fails when
  // a fragment was edited by hand or the converter changed without a re-import.
  it("the committed openapi/ fragments are exactly what docs:import produces", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: COMMITTED_DOCS_PAGES, outDir: out });
    const produced = await readTree(out);
    const committed = await committedImport();
    expect([...committed.keys()].sort()).toEqual([...produced.keys()].sort());
    for (const [path, content] of produced) expect(committed.get(path), path).toBe(content);
  });
});

describe("importing the docs snapshot", () => {
  it("writes one fragment per operation page (25), each one operation tagged with its section", async () => {
    const out = join(scratch.path, "openapi");
    const result = await importDocs({ source: FIXTURE_DOCS, outDir: out });
    expect(result.written).toHaveLength(25);
    expect(result.added).toEqual(result.written);
    for (const [path, content] of fragmentsOf(await readTree(out))) {
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
    for (const [path, content] of fragmentsOf(await readTree(out))) {
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
    expect(again.pages.written).toEqual([]);
    expect(lines).toEqual([
      "25 fragments: 0 added, 0 changed, 25 unchanged, 0 removed",
      "27 pages kept in docs-pages/: 0 added, 0 changed, 27 unchanged, 0 removed",
    ]);
  });

  it("deletes the fragment and the kept page of a page that left the index, and only imported fragments", async () => {
    const docs = await copyOfDocs(scratch.path);
    const out = join(scratch.path, "openapi");
    await importDocs({ source: docs, outDir: out });
    const index = join(docs, "llms.txt");
    const text = await readFile(index, "utf8");
    await writeFile(index, text.replace(/^- \[Get Cli Rules\].*$/m, ""));
    await writeFile(join(out, "base.yaml"), "openapi: 3.1.0\n");
    await writeFile(join(out, "agents", "hand-written.yaml"), "openapi: 3.1.0\n");
    await writeFile(join(out, "overrides-note.yaml"), "x-source: {}\n");
    // docs-pages/ belongs to the import: what it did not keep this time goes, whatever it is.
    await writeFile(join(out, "docs-pages", "stray.md"), "# Stray\n");
    const lines: string[] = [];
    const result = await importDocs({ source: docs, outDir: out, log: (line) => lines.push(line) });
    expect(result.removed).toEqual(["cli-rules/get-cli-rules.yaml"]);
    expect(result.pages.removed).toEqual([
      "docs-pages/api-reference/cli-rules/get-cli-rules.md",
      "docs-pages/stray.md",
    ]);
    expect(result.pages.written).toEqual(["docs-pages/llms.txt"]);
    expect(lines).toContain("removed cli-rules/get-cli-rules.yaml");
    expect(lines).toContain("removed docs-pages/api-reference/cli-rules/get-cli-rules.md");
    const tree = await readTree(out);
    expect(tree.has("cli-rules/get-cli-rules.yaml")).toBe(false);
    expect(tree.get("docs-pages/llms.txt")).toBe(await readFile(index, "utf8"));
    await expect(stat(join(out, "docs-pages", "api-reference", "cli-rules"))).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(
      tree.has("base.yaml") && tree.has("agents/hand-written.yaml") && tree.has("overrides-note.yaml"),
    ).toBe(true);
  });

  it("reports a page whose text changed as changed, and rewrites only that fragment", async () => {
    const docs = await copyOfDocs(scratch.path);
    const out = join(scratch.path, "openapi");
    await importDocs({ source: docs, outDir: out });
    const page = join(docs, ...GET_USER);
    await writeFile(page, (await readFile(page, "utf8")).replace("Get details for", "Get the details of"));
    const result = await importDocs({ source: docs, outDir: out });
    expect(result.written).toEqual(["users/get-user.yaml"]);
    expect(result.added).toEqual([]);
    expect(result.pages.written).toEqual(["docs-pages/api-reference/users/get-user.md"]);
    expect(await readFile(join(out, "users", "get-user.yaml"), "utf8")).toContain("Get the details of");
    expect(await readFile(join(out, "docs-pages", ...GET_USER))).toEqual(await readFile(page));
  });

  it("keeps a changed index even when no fragment changed (a guide was added)", async () => {
    const docs = await copyOfDocs(scratch.path);
    const out = join(scratch.path, "openapi");
    await importDocs({ source: docs, outDir: out });
    const index = join(docs, "llms.txt");
    await writeFile(
      index,
      `${await readFile(index, "utf8")}- [New Guide](https://docs.codegen.com/guides/new.md)\n`,
    );
    const result = await importDocs({ source: docs, outDir: out });
    expect(result.written).toEqual([]);
    expect(result.pages.written).toEqual(["docs-pages/llms.txt"]);
    expect(await readFile(join(out, "docs-pages", "llms.txt"))).toEqual(await readFile(index));
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

describe("the pages kept in docs-pages/", () => {
  it("are the index, the overview and every operation page at their path on the site (LF pages byte for byte)", async () => {
    const out = join(scratch.path, "openapi");
    const result = await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const operationPages = result.written.map(
      (fragment) => `api-reference/${fragment.replace(/\.yaml$/, ".md")}`,
    );
    const kept = ["llms.txt", "api-reference/overview.md", ...operationPages].sort();
    expect(result.pages.added).toEqual(kept.map((path) => `docs-pages/${path}`));
    // Guides the index links (authentication, agent-run-logs, …) are not read, so not kept.
    expect([...(await readTree(join(out, "docs-pages"))).keys()].sort()).toEqual(kept);
    for (const path of kept)
      expect(await readFile(join(out, "docs-pages", path)), path).toEqual(
        await readFile(join(FIXTURE_DOCS, path)),
      );
  });

  it("re-imported in place (the source is openapi/docs-pages itself) change nothing", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const before = await readTree(out);
    const lines: string[] = [];
    const again = await importDocs({
      source: join(out, "docs-pages"),
      outDir: out,
      log: (line) => lines.push(line),
    });
    expect(again).toMatchObject({ written: [], removed: [], pages: { written: [], removed: [] } });
    expect(await readTree(out)).toEqual(before);
    expect(lines).toEqual([
      "25 fragments: 0 added, 0 changed, 25 unchanged, 0 removed",
      "27 pages kept in docs-pages/: 0 added, 0 changed, 27 unchanged, 0 removed",
    ]);
  });

  it("`npm run docs:import -- openapi/docs-pages` re-imports them offline, from the project root", async () => {
    const out = join(scratch.path, "openapi");
    await importDocs({ source: FIXTURE_DOCS, outDir: out });
    const before = await readTree(out);
    // As `npm run docs:import` runs it: `node --import tsx`, in the project root (here the scratch dir).
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const cli = resolve(import.meta.dirname, "../../scripts/docs-import.ts");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", tsx, cli, "openapi/docs-pages"],
      { cwd: scratch.path },
    );
    expect(stdout).toContain("25 fragments: 0 added, 0 changed, 25 unchanged, 0 removed");
    expect(await readTree(out)).toEqual(before);
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
    for (const [path, content] of fragmentsOf(await readTree(out))) {
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
  const written = [...(await readTree(out)).keys()];
  const fragmentOrPage = /^(?:[a-z0-9-]+\/[a-z0-9-]+\.yaml|docs-pages\/(?:llms\.txt|api-reference\/.+\.md))$/;
  expect(written.filter((path) => !fragmentOrPage.test(path))).toEqual([]);
  await rm(out, { recursive: true });
});
