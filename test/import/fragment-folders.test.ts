import { describe, expect, it } from "vitest";
import { fragmentFolderProblem } from "../../scripts/lib/import/fragment-folders.js";

describe("which docs section may name a folder of fragments", () => {
  it.each(["users", "agents-alpha", "cli-rules", "v2"])("%s may", (section) => {
    expect(fragmentFolderProblem(section)).toBeUndefined();
  });

  it.each([
    ["", "the section name is empty"],
    [".", '"." is a relative path, not a folder name'],
    ["..", '".." is a relative path, not a folder name'],
    ["%2e%2E", '".." is a relative path, not a folder name'],
    ["a/b", "the section name contains a path separator (/ or \\)"],
    ["a\\b", "the section name contains a path separator (/ or \\)"],
    ["a%2fb", "the section name contains a path separator (/ or \\)"],
    ["overrides", "the output directory's overrides/ is reserved (overrides, docs-pages hold no fragments)"],
    [
      "docs-pages",
      "the output directory's docs-pages/ is reserved (overrides, docs-pages hold no fragments)",
    ],
    ["OVERRIDES", "the output directory's overrides/ is reserved (overrides, docs-pages hold no fragments)"],
    [
      "ov%65rrides",
      "the output directory's overrides/ is reserved (overrides, docs-pages hold no fragments)",
    ],
    ["con", "con is a device name on Windows"],
    ["LPT1", "lpt1 is a device name on Windows"],
  ])('"%s" may not: %s', (section, problem) => {
    expect(fragmentFolderProblem(section)).toBe(problem);
  });

  it.each([".hidden", "users ", "Users", "users.md", "a:b", "a%00", "-users", "ü"])(
    '"%s" may not',
    (section) => {
      expect(fragmentFolderProblem(section)).toBe(
        "a section folder is named with lowercase letters, digits and - only (no dot, escape or other character)",
      );
    },
  );
});
