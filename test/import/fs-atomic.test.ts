import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { writeFilesAtomically } from "../../scripts/lib/fs-atomic.js";
import { scratchDir } from "./helpers.js";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => {
  scratch = await scratchDir();
});
afterEach(async () => {
  await scratch.cleanup();
});

it("writes every file, creating directories", async () => {
  const files = new Map([
    [join(scratch.path, "a", "one.yaml"), "1\n"],
    [join(scratch.path, "b", "c", "two.yaml"), "2\n"],
  ]);
  await writeFilesAtomically(files);
  for (const [path, content] of files) expect(await readFile(path, "utf8")).toBe(content);
});

it("when one write fails, no target changes and no temporary file is left", async () => {
  const kept = join(scratch.path, "kept.yaml");
  await writeFile(kept, "old\n");
  await writeFile(join(scratch.path, "not-a-dir"), "");
  const failing = writeFilesAtomically(
    new Map([
      [kept, "new\n"],
      [join(scratch.path, "not-a-dir", "x.yaml"), "x\n"],
    ]),
  );
  await expect(failing).rejects.toThrow();
  expect(await readFile(kept, "utf8")).toBe("old\n");
  expect((await readdir(scratch.path)).sort()).toEqual(["kept.yaml", "not-a-dir"]);
});
