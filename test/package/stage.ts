import { cp, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDist } from "../../scripts/lib/dist.js";

export const repoRoot = join(import.meta.dirname, "../..");

/**
 * A scratch copy of the package as `npm pack` sees it: its manifest, docs and src/ (dist/ built there), plus a
 * test, a fixture, a script and a fragment, so a `files` list that let them through would show. Built in its own
 * directory, so it never races the tests that rebuild the repository's dist/.
 */
export async function stagePackage(): Promise<string> {
  const stage = await mkdtemp(join(tmpdir(), "codegen-api-pack-"));
  for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "tsconfig.json"])
    await cp(join(repoRoot, file), join(stage, file));
  await cp(join(repoRoot, "src"), join(stage, "src"), { recursive: true });
  await symlink(join(repoRoot, "node_modules"), join(stage, "node_modules"), "dir");
  for (const [file, text] of [
    ["test/client/example.test.ts", "export {};\n"],
    ["test/fixtures/page.md", "# a fixture\n"],
    ["scripts/build.ts", "export {};\n"],
    ["openapi/base.yaml", "openapi: 3.1.0\n"],
  ] as const) {
    await mkdir(join(stage, file, ".."), { recursive: true });
    await writeFile(join(stage, file), text);
  }
  await buildDist({ root: stage });
  return stage;
}
