import { appendToChangelog } from "./changelog.js";
import { diffSpecs } from "./diff-specs.js";
import { renderMarkdown } from "./render.js";
import type { ChangeReport, OpenApiDocument } from "./types.js";

export { appendToChangelog, CHANGELOG_HEADER, changelogWithReport } from "./changelog.js";
export { classify, type Direction, type Effect } from "./compare-schemas.js";
export { diffSpecs, SpecDiffError } from "./diff-specs.js";
export { nextVersion, renderMarkdown, summarize } from "./render.js";
export { diffSurfaces, withSurfaceChanges, type SurfaceChange } from "./surface.js";
export type { Change, ChangeKind, ChangeReport, OpenApiDocument, SemverBump, Severity } from "./types.js";

export interface RecordSpecChangeOptions {
  /** The merged spec before this build (the file on disk); undefined on a first build, which records nothing. */
  previous: OpenApiDocument | undefined;
  next: OpenApiDocument;
  changelogPath: string;
  /** Receives the report, one line per call. */
  log: (line: string) => void;
}

/**
 * The build step "diff + changelog": prints what changed between the previous and the new merged spec and
 * appends it under CHANGELOG.md's "## Unreleased" (once: the same report is never appended twice).
 * Returns the report, or undefined when there was no previous spec to compare with.
 */
export async function recordSpecChange(options: RecordSpecChangeOptions): Promise<ChangeReport | undefined> {
  if (options.previous === undefined) {
    options.log("spec diff: no previous merged spec, nothing to compare (first build)");
    return undefined;
  }
  const report = diffSpecs(options.previous, options.next);
  for (const line of renderMarkdown(report).trimEnd().split("\n")) options.log(line);
  if (report.changes.length > 0) {
    const written = await appendToChangelog(options.changelogPath, report);
    options.log(
      written
        ? `spec diff: recorded under "Unreleased" in ${options.changelogPath}`
        : `spec diff: already in ${options.changelogPath}`,
    );
  }
  return report;
}
