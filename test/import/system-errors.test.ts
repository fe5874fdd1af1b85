import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeSystemError } from "../../scripts/lib/system-error.js";
import { copyOfDocs, runImportCli, scratchDir } from "./helpers.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => void (scratch = await scratchDir()));
afterEach(() => scratch.cleanup());

describe("a failure of the machine, not of the docs", () => {
  it("an --out the import cannot create: one line naming the path and why, exit 1, no stack trace", async () => {
    const docs = await copyOfDocs(scratch.path);
    // A file where a folder must go fails for every user, root included (a read-only folder would not).
    const file = join(scratch.path, "not-a-folder");
    await writeFile(file, "");
    const { code, stdout, stderr } = await runImportCli([docs, "--out", join(file, "openapi")]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(
      new RegExp(
        `^docs:import failed: \\w+ ${file}/openapi\\S*: a part of the path is not a directory \\(ENOTDIR\\)\\n$`,
      ),
    );
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
  });

  it("describes errors with a code and a system call only; anything else stays a defect to report", () => {
    expect(
      describeSystemError(Object.assign(new Error("x"), { code: "EACCES", syscall: "open", path: "/p" })),
    ).toBe("open /p: permission denied (EACCES)");
    expect(describeSystemError(Object.assign(new Error("x"), { code: "EWEIRD", syscall: "mkdir" }))).toBe(
      "mkdir: EWEIRD",
    );
    expect(describeSystemError(new TypeError("x is not a function"))).toBeUndefined();
    expect(describeSystemError(undefined)).toBeUndefined();
  });
});
