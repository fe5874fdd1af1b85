import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportError } from "../../scripts/lib/import/errors.js";
import { importDocs } from "../../scripts/lib/import/import-docs.js";
import { MAX_PAGE_BYTES } from "../../scripts/lib/import/source.js";
import { copyOfDocs, readTree, scratchDir } from "./helpers.js";
import { serveDocs } from "../servers/docs-site.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let docs: string;
let out: string;
let before: Map<string, string>;
beforeEach(async () => {
  scratch = await scratchDir();
  docs = await copyOfDocs(scratch.path);
  out = join(scratch.path, "openapi");
  await importDocs({ source: docs, outDir: out });
  before = await readTree(out);
});
afterEach(async () => {
  await scratch.cleanup();
});

const GET_USER = ["api-reference", "users", "get-user.md"];
const BAN = ["api-reference", "agents", "ban-all-checks-for-agent-run.md"];

async function editPage(parts: string[], edit: (text: string) => string): Promise<string> {
  const file = join(docs, ...parts);
  await writeFile(file, edit(await readFile(file, "utf8")));
  return file;
}

/** Runs the import expecting an ImportError; checks that no fragment or kept page changed, returns the error. */
async function expectImportFailure(source = docs): Promise<ImportError> {
  const error = await importDocs({ source, outDir: out }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await readTree(out)).toEqual(before);
  return error as ImportError;
}

describe("bad input fails with a clear error and leaves the fragments untouched", () => {
  it("a page without a ````yaml block", async () => {
    const file = await editPage(GET_USER, (text) => text.replace(/````yaml[\s\S]*````/, ""));
    const error = await expectImportFailure();
    expect(error.message).toBe(
      `${file}: missing \`\`\`\`yaml block: an operation page must embed its OpenAPI`,
    );
  });

  it("malformed YAML in the block", async () => {
    const file = await editPage(GET_USER, (text) =>
      text.replace("  method: get\n", "  method: get\n   bad: [\n"),
    );
    const error = await expectImportFailure();
    expect(error.source).toBe(file);
    expect(error.operation).toBe("GET /v1/organizations/{org_id}/users/{user_id}");
    expect(error.problem).toMatch(/^the ````yaml block is not valid YAML: /);
  });

  it("a block in an unknown format", async () => {
    await editPage(GET_USER, (text) =>
      text.replace(/(````yaml [^\n]*\n)[\s\S]*?````/, "$1swagger: '2.0'\nroutes: {}\n````"),
    );
    const error = await expectImportFailure();
    expect(error.operation).toBe("GET /v1/organizations/{org_id}/users/{user_id}");
    expect(error.problem).toMatch(/^unknown format: .*it has swagger, routes$/);
  });

  it("a fence header naming another operation than the block (Mintlify format)", async () => {
    await editPage(GET_USER, (text) => text.replace(/^(````yaml \S+) get /m, "$1 delete "));
    const error = await expectImportFailure();
    expect(error.message).toContain(
      "the fence header names DELETE /v1/organizations/{org_id}/users/{user_id} but the block documents GET /v1/organizations/{org_id}/users/{user_id}",
    );
  });

  it("a fence header naming another path than the block (plain format)", async () => {
    await editPage(BAN, (text) =>
      text.replace("post /v1/organizations/{org_id}/agent/run/ban\n", "post /v1/ban\n"),
    );
    const error = await expectImportFailure();
    expect(error.problem).toBe(
      "the fence header names POST /v1/ban but the block documents POST /v1/organizations/{org_id}/agent/run/ban",
    );
  });

  it("a page with no title", async () => {
    const file = await editPage(GET_USER, (text) => text.replace(/^# Get User$/m, "Get User"));
    const error = await expectImportFailure();
    expect(error.message).toBe(`${file}: the page has no \`# Title\` line`);
  });

  it("a YAML alias bomb", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [index, name] of ["b", "c", "d", "e", "f", "g", "h"].entries()) {
      const previous = index === 0 ? "a" : ["b", "c", "d", "e", "f", "g"][index - 1];
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    await editPage(GET_USER, (text) => text.replace(/(````yaml [^\n]*\n)/, `$1${bomb.join("\n")}\n`));
    const error = await expectImportFailure();
    expect(error.problem).toMatch(/not valid YAML: .*alias/i);
  });

  it(`an oversized page (over the ${MAX_PAGE_BYTES}-byte cap)`, async () => {
    const file = await editPage(GET_USER, (text) => text + "x".repeat(MAX_PAGE_BYTES));
    const error = await expectImportFailure();
    expect(error.message).toMatch(
      new RegExp(`^${escape(file)}: the file is \\d+ bytes, over the ${MAX_PAGE_BYTES}-byte cap$`),
    );
  });

  it("an oversized page served over http without Content-Length", async () => {
    const server = await serveDocs(docs, {
      rewrite: (path, body) => (path.endsWith("get-user.md") ? body + "x".repeat(MAX_PAGE_BYTES) : body),
    });
    try {
      const error = await expectImportFailure(server.url);
      expect(error.message).toBe(
        `${server.url}api-reference/users/get-user.md: the page is over the ${MAX_PAGE_BYTES}-byte cap`,
      );
    } finally {
      await server.close();
    }
  });

  it("a non-https URL source (http is allowed for loopback hosts only)", async () => {
    const error = await expectImportFailure("http://docs.codegen.com/");
    expect(error.message).toMatch(
      /^http:\/\/docs\.codegen\.com\/: refusing http:\/\/ : docs are fetched over https/,
    );
  });

  it("a rate limit that cannot be read", async () => {
    await editPage(GET_USER, (text) =>
      text.replace("Rate limit: 60 requests per 30 seconds.", "Rate limit: sixty per minute."),
    );
    const error = await expectImportFailure();
    expect(error.problem).toBe('cannot read the rate limit "Rate limit: sixty per minute."');
  });

  it("a rate limit matching two overview categories", async () => {
    // "Setup commands" and "Log analysis" share 5/minute; a page whose words match both is ambiguous.
    await editPage(["api-reference", "sandbox", "analyze-sandbox-logs.md"], (text) =>
      text.replace(/^# Analyze Sandbox Logs$/m, "# Analyze Setup Command Logs"),
    );
    const error = await expectImportFailure();
    expect(error.problem).toBe(
      "the rate limit matches several overview categories: setup-commands, log-analysis",
    );
  });

  it("the CLI prints the error and exits non-zero", async () => {
    await editPage(GET_USER, (text) => text.replace(/^# Get User$/m, "Get User"));
    const cli = resolve(import.meta.dirname, "../../scripts/docs-import.ts");
    // As `npm run docs:import` runs it: `node --import tsx` (tsx resolved from this repo).
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const failure = await promisify(execFile)(process.execPath, [
      "--import",
      tsx,
      cli,
      docs,
      "--out",
      out,
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("docs:import failed, no fragment or kept page was changed:");
    expect(failure?.stderr).toContain("get-user.md: the page has no `# Title` line");
    expect(await readTree(out)).toEqual(before);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
