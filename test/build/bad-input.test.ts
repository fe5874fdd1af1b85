import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../../scripts/lib/spec/pipeline.js";
import {
  buildError,
  GENERATED_FILES,
  type Doc,
  fixtureFragment,
 
  operationOf,
  project,
  validFragments,
} from "./project.js";

const BAN = "POST /v1/organizations/{org_id}/agent/run/ban";

describe("bad input fails the build with the file, the operation and the problem", () => {
  it("names both fragments and the first differing JSON pointer when same-named components differ", async () => {
    const other = await fixtureFragment("get-check-suite-settings");
    other.components.schemas.ValidationError.properties.msg.type = "integer";
    const { root } = await project({
      ...(await validFragments()),
      "repositories/get-check-suite-settings": other,
    });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/repositories/get-check-suite-settings.yaml");
    expect(error.message).toContain("openapi/agents/ban-all-checks-for-agent-run.yaml");
    expect(error.message).toContain("#/components/schemas/ValidationError/properties/msg/type");
  });

  it("rejects a dangling $ref, naming the fragment and operation that hold it", async () => {
    const ban = await fixtureFragment("ban-all-checks-for-agent-run");
    operationOf(ban).requestBody.content["application/json"].schema.$ref = "#/components/schemas/Nowhere";
    const { root } = await project({
      ...(await validFragments()),
      "agents/ban-all-checks-for-agent-run": ban,
    });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/agents/ban-all-checks-for-agent-run.yaml");
    expect(error.operation).toBe(BAN);
    expect(error.problem).toMatch(/dangling \$ref "#\/components\/schemas\/Nowhere"/);
  });

  it("rejects a {param} of the path that no parameter declares", async () => {
    const ban = await fixtureFragment("ban-all-checks-for-agent-run");
    const operation = operationOf(ban);
    ban.paths = { "/v1/organizations/{org_id}/agent/run/{run_id}/ban": { post: operation } };
    const { root } = await project({
      ...(await validFragments()),
      "agents/ban-all-checks-for-agent-run": ban,
    });
    const error = await buildError(root);
    expect(error.operation).toBe("POST /v1/organizations/{org_id}/agent/run/{run_id}/ban");
    expect(error.problem).toMatch(/\{run_id\} appears in the path but is not declared/);
  });

  it("rejects two fragments documenting the same method and path, naming both files", async () => {
    const copy = await fixtureFragment("ban-all-checks-for-agent-run");
    operationOf(copy).operationId = "another_id";
    const { root } = await project({ ...(await validFragments()), "agents/ban-copy": copy });
    const error = await buildError(root);
    expect(error.message).toContain("openapi/agents/ban-copy.yaml");
    expect(error.message).toContain("openapi/agents/ban-all-checks-for-agent-run.yaml");
    expect(error.problem).toMatch(/^duplicate operation: POST/);
  });

  it("rejects two operations sharing an operationId, naming both files", async () => {
    const copy = await fixtureFragment("ban-all-checks-for-agent-run");
    copy.paths = {
      "/v1/organizations/{org_id}/agent/run/ban-again":
        copy.paths["/v1/organizations/{org_id}/agent/run/ban"],
    };
    const { root } = await project({ ...(await validFragments()), "agents/ban-copy": copy });
    const error = await buildError(root);
    expect(error.problem).toMatch(/duplicate operationId "ban_all_checks_for_agent_run_v1_/);
    expect(error.message).toContain("openapi/agents/ban-all-checks-for-agent-run.yaml");
    expect(error.message).toContain("openapi/agents/ban-copy.yaml");
  });

  it("fails naming the override when the stray authorization parameter changed shape", async () => {
    const ban = await fixtureFragment("ban-all-checks-for-agent-run");
    const auth = operationOf(ban).parameters.find((parameter: Doc) => parameter.name === "authorization");
    auth.schema = { type: "string" };
    const { root } = await project({
      ...(await validFragments()),
      "agents/ban-all-checks-for-agent-run": ban,
    });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/overrides/bearer-auth.ts");
    expect(error.operation).toBe(BAN);
  });

  it("fails on any lint problem, naming the fragment and the rule", async () => {
    const ban = await fixtureFragment("ban-all-checks-for-agent-run");
    delete operationOf(ban).summary;
    const { root } = await project({
      ...(await validFragments()),
      "agents/ban-all-checks-for-agent-run": ban,
    });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/agents/ban-all-checks-for-agent-run.yaml");
    expect(error.operation).toBe(BAN);
    expect(error.problem).toMatch(/lint failed .*\n.*error operation-summary/);
  });

  it("refuses a YAML alias bomb before expanding it", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ..."bcdefghij".split("").map((name, index) => {
        const previous = "abcdefghij"[index]!;
        return `${name}: &${name} [*${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}]`;
      }),
    ].join("\n");
    const { root } = await project({ ...(await validFragments()), "agents/bomb": bomb });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/agents/bomb.yaml");
    expect(error.problem).toMatch(/malformed YAML: .*alias/i);
  });

  it("refuses an oversized file without parsing it", async () => {
    const { root } = await project({
      ...(await validFragments()),
      "agents/huge": `# ${"x".repeat(1024 * 1024)}\n`,
    });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/agents/huge.yaml");
    expect(error.problem).toMatch(/over the 1048576-byte limit/);
  });

  it("rejects a fragment holding more than one operation", async () => {
    const ban = await fixtureFragment("ban-all-checks-for-agent-run");
    ban.paths["/v1/organizations/{org_id}/agent/run/ban"].get = operationOf(ban);
    const { root } = await project({
      ...(await validFragments()),
      "agents/ban-all-checks-for-agent-run": ban,
    });
    const error = await buildError(root);
    expect(error.problem).toMatch(/exactly one operation, this one holds 2/);
  });

  it("leaves the previous generated files byte for byte intact when a build fails", async () => {
    const fragments = await validFragments();
    const { root, writeFragment } = await project(fragments);
    const first = await runBuild({ rootDir: root, cache: false });
    expect(first.written).toEqual(GENERATED_FILES);
    const read = () => Promise.all(first.written.map((file) => readFile(join(root, file), "utf8")));
    const before = await read();

    // A change that passes merge and validation, so generation runs, but then lint fails.
    const broken = structuredClone(fragments["agents/ban-all-checks-for-agent-run"]!);
    delete operationOf(broken).summary;
    await writeFragment("agents/ban-all-checks-for-agent-run", broken);
    await buildError(root);
    expect(await read()).toEqual(before);
  });
});
