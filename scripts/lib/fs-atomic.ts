import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes a set of files so that either all of them are replaced or none is.
 *
 * Every file is first written to a temporary sibling (same directory, so the final `rename` never crosses a
 * file system and is atomic per file); only when every temp file is on disk are they renamed over their targets.
 * If any write fails, the temp files are removed and the previous outputs are left exactly as they were, which is
 * what lets a failed import or build keep the last good generated files.
 */
export async function writeFilesAtomically(files: Map<string, string>): Promise<void> {
  const suffix = `.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const pending: Array<{ temp: string; target: string }> = [];
  try {
    for (const [target, content] of files) {
      await mkdir(dirname(target), { recursive: true });
      const temp = target + suffix;
      pending.push({ temp, target });
      await writeFile(temp, content, { flag: "wx" });
    }
  } catch (error) {
    await Promise.all(pending.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  // Renames are individually atomic; doing them only after every write succeeded keeps the window in which
  // a crash could mix old and new files down to a handful of metadata operations.
  for (const [index, { temp, target }] of pending.entries()) {
    try {
      await rename(temp, target);
    } catch (error) {
      await Promise.all(pending.slice(index).map(({ temp: rest }) => rm(rest, { force: true })));
      throw error;
    }
  }
}
