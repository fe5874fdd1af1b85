import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendToChangelog,
  CHANGELOG_HEADER,
  changelogWithReport,
  diffSpecs,
  recordSpecChange,
  type OpenApiDocument,
} from "../../scripts/lib/diff/index.js";

const spec = (paths: Record<string, unknown>): OpenApiDocument => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths,
});
const one = spec({ "/a": { get: { operationId: "get_a", responses: {} } } });
const two = spec({
  "/a": { get: { operationId: "get_a", responses: {} } },
  "/b": { get: { operationId: "get_b", responses: {} } },
});

let dir: string;
let changelog: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "changelog-"));
  changelog = join(dir, "CHANGELOG.md");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("appendToChangelog", () => {
  it("creates the file with its header and an Unreleased section holding the report", async () => {
    expect(await appendToChangelog(changelog, diffSpecs(one, two))).toBe(true);
    const text = await readFile(changelog, "utf8");
    expect(text.startsWith(CHANGELOG_HEADER)).toBe(true);
    expect(text).toMatch(
      /## Unreleased\n\n<!-- spec-diff [0-9a-f]{16} -->\n### API changes \(semver: minor\)/,
    );
    expect(text).toContain("- `GET /b` (get_b)\n  - operation added");
  });

  it("does not append the same report twice", async () => {
    await appendToChangelog(changelog, diffSpecs(one, two));
    const once = await readFile(changelog, "utf8");
    expect(await appendToChangelog(changelog, diffSpecs(one, two))).toBe(false);
    expect(await readFile(changelog, "utf8")).toBe(once);
  });

  it("appends a different report after the previous one, still above the released versions", async () => {
    await writeFile(
      changelog,
      "# Changelog\n\n## Unreleased\n\n- hand-written note\n\n## 0.1.0\n\n- first release\n",
    );
    await appendToChangelog(changelog, diffSpecs(one, two));
    await appendToChangelog(changelog, diffSpecs(two, one));
    const text = await readFile(changelog, "utf8");
    const positions = [
      "- hand-written note",
      "semver: minor",
      "semver: major",
      "## 0.1.0",
      "- first release",
    ].map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("adds the Unreleased heading above the latest release when the file has none", async () => {
    await writeFile(changelog, "# Changelog\n\n## 0.1.0\n\n- first release\n");
    await appendToChangelog(changelog, diffSpecs(one, two));
    expect(await readFile(changelog, "utf8")).toMatch(
      /^# Changelog\n\n## Unreleased\n\n<!-- spec-diff [^\n]+\n### API changes[\s\S]*\n\n## 0\.1\.0\n\n- first release\n$/,
    );
  });
});

describe("changelogWithReport (pure, for a build step that writes its outputs at the end)", () => {
  it("returns the new text, or undefined when that report is already recorded", () => {
    const report = diffSpecs(one, two);
    const text = changelogWithReport(undefined, report)!;
    expect(text.startsWith(CHANGELOG_HEADER)).toBe(true);
    expect(text).toContain("operation added");
    expect(changelogWithReport(text, report)).toBeUndefined();
  });
});

describe("recordSpecChange (the build step)", () => {
  it("logs the report, appends it, and returns it", async () => {
    const lines: string[] = [];
    const report = await recordSpecChange({
      previous: one,
      next: two,
      changelogPath: changelog,
      log: (line) => lines.push(line),
    });
    expect(report?.bump).toBe("minor");
    expect(lines).toContain("  - operation added");
    expect(lines.at(-1)).toBe(`spec diff: recorded under "Unreleased" in ${changelog}`);
    expect(await readFile(changelog, "utf8")).toContain("operation added");
  });

  it("records nothing on a first build (no previous spec) or when nothing changed", async () => {
    const lines: string[] = [];
    expect(
      await recordSpecChange({
        previous: undefined,
        next: two,
        changelogPath: changelog,
        log: (line) => lines.push(line),
      }),
    ).toBeUndefined();
    expect(
      (
        await recordSpecChange({
          previous: two,
          next: two,
          changelogPath: changelog,
          log: (line) => lines.push(line),
        })
      )?.bump,
    ).toBe("none");
    await expect(readFile(changelog, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
    expect(lines).toContain("No change: the API and its documentation are identical.");
  });
});
