import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_REPORT_PATH, renderApiReport } from "../../scripts/lib/api-report.js";
import { repoRoot } from "./stage.js";

describe("the public API report", () => {
  it("is what src/index.ts exports today (after changing the surface: npm run api:report, and commit it)", async () => {
    const committed = await readFile(join(repoRoot, API_REPORT_PATH), "utf8").catch(() => "(missing)");
    const current = await renderApiReport(repoRoot);
    expect(
      committed === current
        ? "up to date"
        : `${API_REPORT_PATH} is stale: run \`npm run api:report\` and commit it`,
    ).toBe("up to date");
  }, 60_000);

  it("lists the entry's names and none of the internals", async () => {
    const report = await renderApiReport(repoRoot);
    for (const name of ["createCodegenClient", "createCodegenApi", "NotFoundError", "PagedList", "AgentRun"])
      expect(report).toMatch(new RegExp(`\\b(class|function|type|interface|const) ${name}\\b`));
    for (const name of ["createApiError", "parseRetryAfter", "ApiErrorInit", "Clock", "createResources"])
      expect(report).not.toMatch(new RegExp(`\\b(class|function|type|interface|const) ${name}\\b`));
  }, 60_000);
});
