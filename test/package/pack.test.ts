import { execFile } from "node:child_process";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, stagePackage } from "./stage.js";

const run = promisify(execFile);
// Scripts off: `prepack` would rebuild; the stage's dist/ is already built from its src/.
const npmEnv = { ...process.env, npm_config_ignore_scripts: "true", npm_config_update_notifier: "false" };
let stage: string;

beforeAll(async () => {
  stage = await stagePackage();
}, 180_000);

afterAll(async () => {
  if (stage) await rm(stage, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships dist/, the README, the LICENSE, the CHANGELOG and package.json, nothing else", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json"], { cwd: stage, env: npmEnv });
    const [packed] = JSON.parse(stdout) as { files: { path: string }[] }[];
    const files = packed!.files.map((file) => file.path).sort();
    const outsideDist = files.filter((file) => !file.startsWith("dist/"));
    expect(outsideDist).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
    expect(files).toContain("dist/esm/index.js");
    expect(files).toContain("dist/esm/index.d.ts");
    expect(files).toContain("dist/cjs/index.js");
    expect(files).toContain("dist/cjs/index.d.ts");
    // The spec ships once, as the `codegen-api/openapi.json` export; not again as a generated source.
    expect(files.filter((file) => file.endsWith("openapi.json"))).toEqual(["dist/openapi.json"]);
    expect(files.filter((file) => /(^|\/)(test|fixtures|scripts|openapi)\//.test(file))).toEqual([]);
  });

  it("the tarball installs into a fresh project without the network and imports (ESM and CJS)", async () => {
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", stage], {
      cwd: stage,
      env: npmEnv,
    });
    const { filename } = (JSON.parse(stdout) as { filename: string }[])[0]!;
    const project = join(stage, "consumer");
    await mkdir(project);
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    // Without the network, openapi-fetch (the one dependency) and its own dependency come as tarballs packed
    // from this repository's node_modules, as a registry would serve them.
    const dependencies = ["openapi-fetch", "openapi-typescript-helpers"].map((name) =>
      join(repoRoot, "node_modules", name),
    );
    const packed = await run("npm", ["pack", "--json", "--pack-destination", stage, ...dependencies], {
      cwd: stage,
      env: npmEnv,
    });
    const tarballs = [
      filename,
      ...(JSON.parse(packed.stdout) as { filename: string }[]).map((p) => p.filename),
    ];
    const install = [
      "install",
      "--offline",
      "--no-audit",
      "--no-fund",
      ...tarballs.map((t) => join(stage, t)),
    ];
    await run("npm", install, { cwd: project, env: npmEnv });
    expect(await readdir(join(project, "node_modules", "codegen-api"))).toContain("dist");
    const probe = (type: "module" | "commonjs") =>
      run(
        process.execPath,
        [
          `--input-type=${type}`,
          "-e",
          type === "module"
            ? 'const m = await import("codegen-api"); console.log(typeof m.createCodegenClient, typeof m.NotFoundError)'
            : 'const m = require("codegen-api"); console.log(typeof m.createCodegenClient, typeof m.NotFoundError)',
        ],
        { cwd: project },
      );
    expect((await probe("module")).stdout.trim()).toBe("function function");
    expect((await probe("commonjs")).stdout.trim()).toBe("function function");
  }, 120_000);
});
