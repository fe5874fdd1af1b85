import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../src/index.js";

const root = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("portability", () => {
  it("src/ imports only relative files and openapi-fetch: no node: or other runtime-specific modules", () => {
    // src/cli/ is the Node-only `codegen-api` command, bundled apart from the library (dist/cli/).
    const cli = join(root, "src", "cli");
    const files = sourceFiles(join(root, "src")).filter((file) => !file.startsWith(cli + "/"));
    expect(files.length).toBeGreaterThan(3);
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        if (!specifier!.startsWith(".") && specifier !== "openapi-fetch") {
          offenders.push(`${file.slice(root.length + 1)}: ${specifier}`);
        }
      }
      if (/\b(require\(|Buffer\.|__dirname)/.test(text))
        offenders.push(`${file.slice(root.length + 1)}: Node global`);
    }
    expect(offenders).toEqual([]);
  });

  it("openapi-fetch is the one runtime dependency; the Redis clients are optional peers (codegen-api/redis)", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies)).toEqual(["openapi-fetch"]);
    expect(Object.keys(pkg.peerDependencies ?? {}).sort()).toEqual(["ioredis", "redis"]);
    for (const name of Object.keys(pkg.peerDependencies))
      expect(pkg.peerDependenciesMeta?.[name]?.optional).toBe(true);
  });

  it("VERSION (sent in User-Agent) matches package.json", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(VERSION).toBe(pkg.version);
  });
});
