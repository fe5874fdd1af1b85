import { describe, expect, it } from "vitest";
import surface from "../../src/generated/surface.json" with { type: "json" };
import { helper } from "../../src/cli/helper.js";
import { CliError, EXIT } from "../../src/cli/exit-codes.js";
import { createCodegenClient } from "../../src/index.js";

const client = createCodegenClient({ token: "t", orgId: 1, baseUrl: "http://127.0.0.1:9" });

describe("the command line's helpers, looked up by name", () => {
  it("a helper the docs dropped is a usage error naming it (exit 2), not a crash", () => {
    let thrown: unknown;
    try {
      helper(client, "teleports.list");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).exitCode).toBe(EXIT.usage);
    expect((thrown as CliError).message).toBe(
      "this version of the API has no teleports.list (Codegen's docs no longer list its operation)",
    );
  });

  it("every generated helper is found, bound to its namespace", () => {
    for (const name of Object.keys(surface.helpers)) {
      const [namespace] = name.split(".") as [string];
      const found = helper(client, name);
      expect(typeof found, name).toBe("function");
      expect(found.name, name).toBe(`bound ${name.split(".")[1]}`);
      expect((client as unknown as Record<string, unknown>)[namespace], name).toBeDefined();
    }
  });
});
