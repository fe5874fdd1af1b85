import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildError } from "../../scripts/lib/spec/errors.js";
import { buildSteps, runBuild, specSteps, type BuildStep } from "../../scripts/lib/spec/pipeline.js";
import {
  renderSchemaTs,
  stopRenderThread,
  warmUpRenderThread,
} from "../../scripts/lib/spec/render-thread.js";
import { GENERATED_FILES, makeProject, repoRoot, validFragments } from "./project.js";

const committedSpec = async () =>
  JSON.parse(await readFile(join(repoRoot, "src/generated/openapi.json"), "utf8")) as Record<string, any>;

describe("the render thread (openapi-typescript and prettier in a worker)", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ root, cleanup } = await makeProject({ fragments: await validFragments() }));
    await runBuild({ rootDir: root });
  });
  afterAll(() => cleanup());

  it("a render that fails in the worker is a BuildError naming schema.ts, and no output is changed", async () => {
    const before = await Promise.all(GENERATED_FILES.map((file) => readFile(join(root, file), "utf8")));
    const schemaStep = buildSteps.find((step) => step.name.startsWith("schema.ts"))!;
    const breakSpec: BuildStep = {
      name: "a spec openapi-typescript refuses",
      run(context) {
        context.spec!.openapi = "4.0.0";
      },
    };
    const failure = await runBuild({
      rootDir: root,
      cache: false,
      steps: [...specSteps, breakSpec, schemaStep],
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as BuildError).file).toBe("src/generated/schema.ts");
    expect((failure as BuildError).message).toBe(
      "src/generated/schema.ts: openapi-typescript and prettier could not render the merged spec: " +
        "Unsupported OpenAPI version: 4.0.0",
    );
    expect(await Promise.all(GENERATED_FILES.map((file) => readFile(join(root, file), "utf8")))).toEqual(
      before,
    );
  });

  it("renderings pending when the worker stops finish in-process, with the same output", async () => {
    const spec = await committedSpec();
    const file = join(repoRoot, "src/generated/schema.ts");
    warmUpRenderThread();
    const rendering = renderSchemaTs(spec, file);
    await stopRenderThread();
    expect(await rendering).toBe(await readFile(file, "utf8"));
  });

  // Children that start the worker and then just return: each must exit by itself, well before the timeout.
  const runChild = async (...lines: string[]) => {
    const renderer = pathToFileURL(join(repoRoot, "scripts/lib/spec/render-thread.ts")).href;
    const script = [`const renderer = await import(${JSON.stringify(renderer)});`, ...lines].join("\n");
    const tsx = createRequire(import.meta.url).resolve("tsx");
    return promisify(execFile)(process.execPath, ["--import", tsx, "--input-type=module", "--eval", script], {
      cwd: repoRoot,
      timeout: 20_000,
    });
  };

  it("a worker warmed up but never used (a build that failed early) does not keep the process alive", async () => {
    const { stdout } = await runChild("renderer.warmUpRenderThread();", "console.log('returned');");
    expect(stdout).toBe("returned\n");
  });

  it("a pending render keeps the process alive, the idle worker afterwards does not", async () => {
    const { stdout } = await runChild(
      "const spec = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };",
      "console.log(await renderer.renderSchemaTs(spec, 'schema.ts'));",
    );
    expect(stdout).toContain("export type paths = Record<string, never>;");
  });
});
