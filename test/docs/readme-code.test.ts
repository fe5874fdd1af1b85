import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "../..");

/** What the snippets that continue an earlier one take as given. */
const GIVEN = `
declare var codegen: import("codegen-api").CodegenClient;
declare var created: import("codegen-api").AgentRun;
declare function notifyBilling(): void;
declare function sleep(ms: number): Promise<void>;
`;

interface Block {
  file: string;
  line: number;
  code: string;
}

/** The ```ts blocks of a markdown file, with the line each starts on; ```ts nocheck blocks are left out. */
async function tsBlocks(file: string): Promise<Block[]> {
  const text = await readFile(join(repoRoot, file), "utf8");
  const blocks: Block[] = [];
  const fence = /^```ts\n([\s\S]*?)^```$/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split("\n").length;
    blocks.push({ file, line, code: match[1]! });
  }
  return blocks;
}

/** Type-checks each block as a module of its own, `codegen-api` mapped to src/index.ts; returns the errors. */
async function typeCheck(blocks: Block[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "codegen-api-readme-"));
  try {
    const files = new Map<string, Block>();
    for (const [index, block] of blocks.entries()) {
      const path = join(dir, `block-${index}.ts`);
      files.set(path, block);
      await writeFile(path, `${block.code}\nexport {};\n`);
    }
    const given = join(dir, "given.d.ts");
    await writeFile(given, GIVEN);
    const program = ts.createProgram([...files.keys(), given], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules", "@types")],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      resolveJsonModule: true,
      paths: { "codegen-api": [join(repoRoot, "src", "index.ts")] },
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      const block = diagnostic.file && files.get(diagnostic.file.fileName);
      if (!block || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
      return `${block.file}:${block.line + 1 + line}: ${message}`;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the README's code", () => {
  it("every ```ts block compiles against the package (mark one that must not: ```ts nocheck)", async () => {
    const blocks = [...(await tsBlocks("README.md")), ...(await tsBlocks("CONTRIBUTING.md"))];
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(await typeCheck(blocks)).toEqual([]);
  }, 60_000);

  it("a block that misuses the API is reported with its file and line", async () => {
    const errors = await typeCheck([
      {
        file: "README.md",
        line: 10,
        code: 'import { createCodegenClient } from "codegen-api";\ncreateCodegenClient({ orgId: "42" });',
      },
    ]);
    expect(errors.join("\n")).toMatch(/^README\.md:12: .*string.*number/m);
  }, 60_000);
});
