import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const out: number[] = [];
for (const contents of [`export * from "./src/index.ts";`, `export { createCodegenApi } from "./src/index.ts";`]) {
  const r = await build({ absWorkingDir: process.cwd(), stdin: { contents, resolveDir: process.cwd(), loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "neutral", mainFields: ["module","main"], target: ["es2022"], write: false, logLevel: "silent", legalComments: "none" });
  out.push(gzipSync(r.outputFiles[0].contents,{level:9}).length);
}
console.log(out.join(" "));
