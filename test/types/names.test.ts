import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { SurfaceReport } from "../../scripts/lib/spec/render-helpers.js";

/**
 * What an editor shows for a helper's result: the named type (`AgentRun`), not its expanded object. Asked of
 * the TypeScript checker the way an editor's hover asks it, for every helper of the generated surface whose
 * declared result is made of named types.
 */
const root = join(import.meta.dirname, "../..");
const report = JSON.parse(readFileSync(join(root, "src/generated/surface.json"), "utf8")) as SurfaceReport;
/** Helpers whose declared result is made of named types only (not `OperationResponse<…>` and the like). */
const named = Object.entries(report.helpers)
  .map(([name, { signature }]) => ({ name, declared: signature.slice(signature.lastIndexOf("): ") + 3) }))
  .filter(({ declared }) => !/Operation|NonNullable|unknown|void/.test(declared));
const file = join(root, "test/types/__names.ts");
const source = [
  'import { createCodegenClient } from "../../src/index.js";',
  'const client = createCodegenClient({ token: "t", orgId: 1 });',
  ...named.map(
    ({ name }, index) => `export declare const helper${index}: ReturnType<typeof client.${name}>;`,
  ),
].join("\n");

function shownTypes(): Record<string, string> {
  const host = ts.createCompilerHost({});
  const readFile = host.readFile;
  host.readFile = (name) => (name === file ? source : readFile(name));
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram(
    [file],
    {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    host,
  );
  const checker = program.getTypeChecker();
  const shown: Record<string, string> = {};
  ts.forEachChild(program.getSourceFile(file)!, (node) => {
    if (!ts.isVariableStatement(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      return;
    for (const declaration of node.declarationList.declarations)
      shown[declaration.name.getText()] = checker.typeToString(checker.getTypeAtLocation(declaration.name));
  });
  return shown;
}

describe("editors show helper results by name", () => {
  it("covers the named results of today's docs", () => {
    expect(named.length).toBeGreaterThan(Object.keys(report.helpers).length / 2);
  });

  it("each helper's result shows as its declared named type (a list's pages and items too)", () => {
    const shown = shownTypes();
    expect(named.map(({ name }, index) => [name, shown[`helper${index}`]])).toEqual(
      named.map(({ name, declared }) => [name, declared]),
    );
  });
});
