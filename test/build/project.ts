import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { afterEach, expect } from "vitest";
import { BuildError } from "../../scripts/lib/spec/errors.js";
import { runBuild } from "../../scripts/lib/spec/pipeline.js";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixtures = join(repoRoot, "test", "build", "fixtures");

export type Doc = Record<string, any>;

/** A fixture fragment (plain OpenAPI, as docs:import writes them), parsed so a test can break it. */
export async function fixtureFragment(name: string): Promise<Doc> {
  return parse(await readFile(join(fixtures, `${name}.yaml`), "utf8")) as Doc;
}

/** The single operation of a fragment. */
export function operationOf(fragment: Doc): Doc {
  const item = Object.values(fragment.paths as Doc)[0] as Doc;
  return Object.values(item)[0] as Doc;
}

/**
 * A throw-away project root in the OS temp dir: the real base document, lint and prettier configs, the given
 * overrides directory (the real one by default) and the given fragments ("section/slug" → document).
 */
export async function makeProject(options: {
  fragments: Record<string, Doc | string>;
  overrides?: "real" | "none";
}): Promise<{
  root: string;
  writeFragment(name: string, fragment: Doc | string): Promise<void>;
  cleanup(): Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), "codegen-build-"));
  await mkdir(join(root, "openapi"), { recursive: true });
  await cp(join(repoRoot, "openapi", "base.yaml"), join(root, "openapi", "base.yaml"));
  await cp(join(repoRoot, "redocly.yaml"), join(root, "redocly.yaml"));
  await cp(join(repoRoot, ".prettierrc.json"), join(root, ".prettierrc.json"));
  if ((options.overrides ?? "real") === "real")
    await cp(join(repoRoot, "openapi", "overrides"), join(root, "openapi", "overrides"), { recursive: true });
  const writeFragment = async (name: string, fragment: Doc | string) => {
    const file = join(root, "openapi", `${name}.yaml`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof fragment === "string" ? fragment : stringify(fragment));
  };
  for (const [name, fragment] of Object.entries(options.fragments)) await writeFragment(name, fragment);
  return { root, writeFragment, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** The three fixture fragments that, with the real overrides, make a small valid project. */
export async function validFragments(): Promise<Record<string, Doc>> {
  return {
    "agents/ban-all-checks-for-agent-run": await fixtureFragment("ban-all-checks-for-agent-run"),
    "repositories/get-check-suite-settings": await fixtureFragment("get-check-suite-settings"),
    "repositories/update-check-suite-settings": await fixtureFragment("update-check-suite-settings"),
  };
}

/** What `npm run build` generates in a project, in the order it reports them written. */
export const GENERATED_FILES = [
  "src/generated/openapi.json",
  "src/generated/schema.ts",
  "src/generated/operations.ts",
  "src/generated/helpers.ts",
  "src/generated/routes.ts",
  "src/generated/names.ts",
  "src/generated/surface.json",
];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A scratch project (see makeProject) removed after the test that made it. */
export async function project(fragments: Record<string, Doc | string>, overrides: "real" | "none" = "real") {
  const created = await makeProject({ fragments, overrides });
  cleanups.push(created.cleanup);
  return created;
}

/** Runs the build expecting a BuildError, and returns it. */
export async function buildError(root: string): Promise<BuildError> {
  const error = await runBuild({ rootDir: root, cache: false }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildError);
  return error as BuildError;
}
