import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { loadNamingTable } from "./naming.js";
import { display, need, type BuildContext } from "./pipeline.js";
import { renderHelpers, type SurfaceReport } from "./render-helpers.js";
import { formatTypeScript } from "./render-thread.js";
import { buildSurface } from "./surface.js";

/**
 * The build step that generates the per-operation layer: src/generated/helpers.ts, routes.ts, names.ts and surface.json from the spec
 * and openapi/helpers.yaml, checking the hand-written helpers of src/ (those that call `routes.<operation>`)
 * against the spec. What the docs changed is reported as warnings; see surface.ts.
 */
export async function generateHelpers(context: BuildContext): Promise<void> {
  const { openapiDir, generatedDir, rootDir } = context.paths;
  const tableFile = join(openapiDir, "helpers.yaml");
  const shownTable = display(context, tableFile);
  const surfaceFile = join(generatedDir, "surface.json");
  const [table, sources, previous] = await Promise.all([
    loadNamingTable(tableFile, shownTable),
    handWrittenSources(rootDir, generatedDir),
    readFile(surfaceFile, "utf8").then(
      (text) => JSON.parse(text) as SurfaceReport,
      () => undefined,
    ),
  ]);
  const surface = buildSurface(need(context.spec, "spec"), table, shownTable, sources, previous);
  context.warnings.push(...surface.notices);
  const { code, routes, names, report } = renderHelpers(surface, shownTable);
  const helpersFile = join(generatedDir, "helpers.ts");
  const routesFile = join(generatedDir, "routes.ts");
  const namesFile = join(generatedDir, "names.ts");
  const [helpersText, routesText, namesText] = await Promise.all([
    formatTypeScript(code, helpersFile),
    formatTypeScript(routes, routesFile),
    formatTypeScript(names, namesFile),
  ]);
  context.outputs.set(helpersFile, helpersText);
  context.outputs.set(routesFile, routesText);
  context.outputs.set(namesFile, namesText);
  context.outputs.set(surfaceFile, `${JSON.stringify(report, null, 2)}\n`);
  context.surface = surface;
  context.surfaceReport = report;
  context.previousSurfaceReport = previous;
}

/** The TypeScript files of src/ outside src/generated, as "src/…" paths with their text. */
async function handWrittenSources(rootDir: string, generatedDir: string) {
  const srcDir = join(rootDir, "src");
  const entries = await readdir(srcDir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(generatedDir + sep))
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      file: relative(rootDir, file).split(sep).join("/"),
      text: await readFile(file, "utf8"),
    })),
  );
}
