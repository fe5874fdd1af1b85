import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import ts from "typescript";

/** Kept in step with package.json "engines" and the runtimes the README promises. */
const TARGET = ["es2022"];

/**
 * Builds the publishable `dist/`:
 *   dist/esm/index.js   ESM bundle of src/ (openapi-fetch stays an import: it is the package's dependency)
 *   dist/cjs/index.js   the same as CommonJS, beside a `{"type":"commonjs"}` package.json
 *   dist/{esm,cjs}/*.d.ts   declarations from tsc (the same files serve both: they only hold types)
 *   dist/openapi.json   the merged spec, exported as `codegen-api/openapi.json`
 *   dist/cli/index.js   the `codegen-api` command (bin), from its own entry so none of it enters the bundles above
 *   dist/{esm,cjs}/redis/index.js   the Redis rate-limit store, `codegen-api/redis` (see bundleRedisEntry)
 *
 * Everything is written to a temporary sibling directory first and swapped in only when all of it built, so a
 * failed build (type error, missing spec) leaves the previous dist/ as it was.
 */
export async function buildDist(options: { root: string; outDir?: string }): Promise<void> {
  const { root } = options;
  // Tests that run the built package build their own copy (under root, so it resolves root's node_modules).
  const dist = options.outDir ?? join(root, "dist");
  const staging = join(root, `.dist-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(staging, { recursive: true });
    await bundle(root, staging);
    await bundleCli(root, staging);
    await bundleRedisEntry(root, staging);
    const declarations = emitDeclarations(root);
    for (const format of ["esm", "cjs"]) {
      for (const [file, text] of declarations) {
        const target = join(staging, format, file);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }
    }
    await writeFile(join(staging, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
    await copySpec(root, staging);
    await swapIn(staging, dist);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function bundle(root: string, staging: string): Promise<void> {
  const common: BuildOptions = {
    absWorkingDir: root,
    entryPoints: ["src/index.ts"],
    bundle: true,
    external: ["openapi-fetch"],
    platform: "neutral",
    target: TARGET,
    logLevel: "silent",
    legalComments: "none",
  };
  await Promise.all([
    build({ ...common, format: "esm", outfile: join(staging, "esm", "index.js") }),
    build({ ...common, format: "cjs", outfile: join(staging, "cjs", "index.js"), plugins: [requireDefault] }),
  ]);
}

/** The command, bundled from src/cli/ with the library it uses (Node only, so `node:` modules are allowed). */
async function bundleCli(root: string, staging: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ["src/cli/index.ts"],
    bundle: true,
    external: ["openapi-fetch"],
    platform: "node",
    format: "esm",
    target: TARGET,
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "silent",
    legalComments: "none",
    outfile: join(staging, "cli", "index.js"),
  });
}

/**
 * In CJS output esbuild treats our files (a "type": "module" package) with Node's interop, where a default import
 * of a CommonJS module is its whole `module.exports`, but openapi-fetch's CJS build exports `createClient` as
 * `exports.default` beside its named exports (`defaultPathSerializer`, …). Route the import through an ESM shim
 * that re-exports the named exports as they are and takes `.default` explicitly for the default import, so both
 * kinds of import get what they get under ESM.
 */
const requireDefault: Plugin = {
  name: "openapi-fetch-cjs-default",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^openapi-fetch$/ }, (args) =>
      args.namespace === "cjs-shim"
        ? { path: args.path, external: true }
        : { path: args.path, namespace: "cjs-shim" },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: "cjs-shim" }, () => ({
      contents: `export * from "openapi-fetch"; export default require("openapi-fetch").default;`,
      loader: "js",
    }));
  },
};

/**
 * `codegen-api/redis` in its own bundle, so the main entry carries none of it. It shares no state with the main
 * entry (the limiter class it falls back on is a copy), and imports no Redis library: the user passes a client.
 */
const REDIS_ENTRY = "redis/index.ts";

async function bundleRedisEntry(root: string, staging: string): Promise<void> {
  const common: BuildOptions = {
    absWorkingDir: root,
    entryPoints: [join("src", REDIS_ENTRY)],
    bundle: true,
    platform: "neutral",
    target: TARGET,
    logLevel: "silent",
    legalComments: "none",
  };
  await Promise.all([
    build({ ...common, format: "esm", outfile: join(staging, "esm", "redis", "index.js") }),
    build({ ...common, format: "cjs", outfile: join(staging, "cjs", "redis", "index.js") }),
  ]);
}

/** tsc's declarations for src/index.ts and what it reaches, as "relative/path.d.ts" → text. */
function emitDeclarations(root: string): Map<string, string> {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(`${configPath}: ${formatDiagnostics([config.error])}`);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const srcDir = join(root, "src");
  const program = ts.createProgram([join(srcDir, "index.ts"), join(srcDir, REDIS_ENTRY)], {
    ...parsed.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: srcDir,
    outDir: join(root, "dist-types"),
    // The published types must not need @types/node: src/ uses web-standard APIs only.
    types: [],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length)
    throw new Error(`buildDist: type errors in src/\n${formatDiagnostics(diagnostics)}`);

  const files = new Map<string, string>();
  const result = program.emit(undefined, (fileName, text) => {
    files.set(relative(join(root, "dist-types"), fileName), text);
  });
  if (result.emitSkipped || result.diagnostics.length) {
    throw new Error(`buildDist: declaration emit failed\n${formatDiagnostics(result.diagnostics)}`);
  }
  return files;
}

async function copySpec(root: string, staging: string): Promise<void> {
  const spec = join(root, "src", "generated", "openapi.json");
  try {
    await copyFile(spec, join(staging, "openapi.json"));
  } catch (error) {
    throw new Error(`buildDist: cannot copy ${relative(root, spec)} (run the spec build first)`, {
      cause: error,
    });
  }
}

/** Replaces dist/ by the staged tree with two renames, removing the previous tree only after the swap. */
export async function swapIn(staging: string, dist: string): Promise<void> {
  const previous = `${staging}.old`;
  const hadDist = await readdir(dist).then(
    () => true,
    () => false,
  );
  if (hadDist) await rename(dist, previous);
  try {
    await rename(staging, dist);
  } catch (error) {
    if (hadDist) await rename(previous, dist);
    throw error;
  }
  if (hadDist) await rm(previous, { recursive: true, force: true });
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => "\n",
  });
}
