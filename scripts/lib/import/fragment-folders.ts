/**
 * Where, under the output directory, the import keeps a copy of every page it read (llms.txt, the overview, each
 * operation page) at the path it has on the site, as the source decoded it (LF line ends, no BOM): a directory
 * source the fragments can be re-imported from offline, and what the test of the committed fragments imports.
 * The import owns the whole directory.
 */
export const KEPT_PAGES_DIR = "docs-pages";

/** Folders of the output directory that hold no fragments: hand-written overrides and the kept pages. */
export const RESERVED_FOLDERS: readonly string[] = ["overrides", KEPT_PAGES_DIR];

const FOLDER_NAME = /^[a-z0-9][a-z0-9-]*$/;
const FOLDER_NAME_RULE =
  "a section folder is named with lowercase letters, digits and - only (no dot, escape or other character)";
/** Names Windows reserves for devices in every directory: a folder so named cannot be created or read there. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * Why a docs section cannot name the folder its fragments go to (`<out>/<section>/`), or undefined when it can.
 * The one rule for every place that maps a section to a folder: the index refuses such a section, and the
 * search for fragments to delete never looks into a folder the import could not have written. Lowercase only,
 * so that "Overrides" cannot reach overrides/ on a case-insensitive file system.
 */
export function fragmentFolderProblem(section: string): string | undefined {
  const decoded = percentDecoded(section);
  if (decoded === "") return "the section name is empty";
  if (decoded === "." || decoded === "..") return `"${decoded}" is a relative path, not a folder name`;
  if (/[/\\]/.test(decoded)) return "the section name contains a path separator (/ or \\)";
  const lower = decoded.toLowerCase();
  if (RESERVED_FOLDERS.includes(lower)) {
    const reserved = RESERVED_FOLDERS.join(", ");
    return `the output directory's ${lower}/ is reserved (${reserved} hold no fragments)`;
  }
  if (WINDOWS_DEVICE.test(decoded)) return `${lower} is a device name on Windows`;
  if (!FOLDER_NAME.test(section)) return FOLDER_NAME_RULE;
  return undefined;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
