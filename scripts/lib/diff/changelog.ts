import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { writeFilesAtomically } from "../fs-atomic.js";
import { renderMarkdown } from "./render.js";
import type { ChangeReport } from "./types.js";

export const CHANGELOG_HEADER = `# Changelog

All notable changes to \`codegen-api\`. API changes are recorded under "Unreleased" by \`npm run build\`
(see README, "Docs-change workflow"), each with the semver bump it calls for; the release moves them under
its version.
`;

const UNRELEASED = "## Unreleased";

/**
 * Appends the report under the changelog's "## Unreleased" heading (creating the file or the heading as needed).
 * Each entry carries a marker made from its changes, so recording the same report twice, e.g. a rebuild or a
 * second `spec:diff --changelog`, is a no-op. Returns whether the file was written.
 */
export async function appendToChangelog(changelogPath: string, report: ChangeReport): Promise<boolean> {
  const current = await readFile(changelogPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  const updated = changelogWithReport(current, report);
  if (updated === undefined) return false;
  await writeFilesAtomically(new Map([[changelogPath, updated]]));
  return true;
}

/**
 * The changelog text with the report added under "## Unreleased", or undefined when it is already there.
 * Pure, for a build step that collects its outputs before writing anything. `current` undefined: no file yet.
 */
export function changelogWithReport(current: string | undefined, report: ChangeReport): string | undefined {
  const marker = `<!-- spec-diff ${createHash("sha256")
    .update(JSON.stringify([report.changes, report.helpers ?? []]))
    .digest("hex")
    .slice(0, 16)} -->`;
  if (current?.includes(marker)) return undefined;
  return insertUnreleased(current ?? CHANGELOG_HEADER, `${marker}\n${renderMarkdown(report)}`);
}

/** Puts the entry at the end of the Unreleased section, i.e. just before the first release heading after it. */
function insertUnreleased(changelog: string, entry: string): string {
  const text = changelog.trimEnd() + "\n";
  const headings = [...text.matchAll(/^## .*$/gm)].map((match) => ({
    title: match[0].trim(),
    index: match.index,
  }));
  const unreleased = headings.find((heading) => heading.title === UNRELEASED);
  if (!unreleased) {
    const firstRelease = headings[0];
    const at = firstRelease?.index ?? text.length;
    return `${text.slice(0, at).trimEnd()}\n\n${UNRELEASED}\n\n${entry.trim()}\n${firstRelease ? `\n${text.slice(at)}` : ""}`;
  }
  const nextRelease = headings.find((heading) => heading.index > unreleased.index);
  const end = nextRelease?.index ?? text.length;
  return `${text.slice(0, end).trimEnd()}\n\n${entry.trim()}\n${nextRelease ? `\n${text.slice(end)}` : ""}`;
}
