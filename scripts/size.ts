import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/**
 * What users ship, openapi-fetch included, minified: everything the ESM entry exports, and what a program making
 * only raw calls bundles (`createCodegenApi`: the helpers are left out). Each has a CI guard on its gzipped size,
 * a little above what it measures, that fails any change growing it; lower a guard as its bundle shrinks, and
 * raise one only for a feature that says what it costs. Raw calls keep within the 6.5 kB users were promised;
 * everything is above the 9.5 kB target since typed unexpected answers, bounded error bodies, cross-build
 * `instanceof`, shared abort listeners and the rate-limit store hook were added (about 0.6 kB).
 */
export const BUNDLES = {
  all: {
    label: "Everything the ESM entry exports",
    contents: `export * from "./src/index.ts";`,
    maxGzippedBytes: 10.15 * 1024,
  },
  raw: {
    label: "Raw calls only (createCodegenApi)",
    contents: `export { createCodegenApi } from "./src/index.ts";`,
    maxGzippedBytes: 6.45 * 1024,
  },
};
export type BundleName = keyof typeof BUNDLES;

export interface BundleSize {
  name: BundleName;
  minifiedBytes: number;
  gzippedBytes: number;
  /** The source files with code in the bundle, relative to the root ("src/client.ts", …). */
  inputs: string[];
}

export async function measureBundleSize(root: string, name: BundleName): Promise<BundleSize> {
  const result = await build({
    absWorkingDir: root,
    stdin: { contents: BUNDLES[name].contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: ["es2022"],
    write: false,
    metafile: true,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = result.outputFiles[0]!.contents;
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output!.inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([file]) => file);
  return {
    name,
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    inputs,
  };
}

export function formatBundleSize({ name, minifiedBytes, gzippedBytes }: BundleSize): string {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  const { label, maxGzippedBytes } = BUNDLES[name];
  return `${label}, openapi-fetch included: ${kB(minifiedBytes)} minified, ${kB(gzippedBytes)} gzipped (guard ${kB(maxGzippedBytes)})`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  for (const name of Object.keys(BUNDLES) as BundleName[]) {
    const size = await measureBundleSize(root, name);
    console.log(formatBundleSize(size));
    if (size.gzippedBytes > BUNDLES[name].maxGzippedBytes) process.exitCode = 1;
  }
}
