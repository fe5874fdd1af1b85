import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSpec, runBuild } from "../../scripts/lib/spec/pipeline.js";
import {
  buildError,
  type Doc,
  fixtureFragment,
 
  operationOf,
  project,
  repoRoot,
  validFragments,
} from "./project.js";

/** The merged spec and warnings of a scratch project (merge, overrides, checks: no lint, nothing written). */
const specOf = (root: string) => buildSpec({ openapiDir: join(root, "openapi") });

/** The warnings about overrides and docs defects (other steps may warn about other things). */
const notices = (warnings: string[]) =>
  warnings.filter((warning) => warning.includes("found nothing to correct"));
const defects = (warnings: string[]) => warnings.filter((warning) => warning.includes(": docs defect: "));

/** The generated openapi.json of a scratch project that was built. */
async function generatedSpec(root: string): Promise<Doc> {
  return JSON.parse(await readFile(join(root, "src/generated/openapi.json"), "utf8")) as Doc;
}

const ORG_ID_RULE = "openapi/overrides/org-id-path-parameter.ts";
const ORG_ID = { name: "org_id", in: "path", required: true, schema: { type: "integer", title: "Org Id" } };
const BAN_PATH = "/v1/organizations/{org_id}/agent/run/ban";
const BAN = `POST ${BAN_PATH}`;
const CHECK_SUITE_PATH = "/v1/organizations/{org_id}/repos/check-suite-settings";
const GET_CHECK_SUITE = `GET ${CHECK_SUITE_PATH}`;

/** A page the snapshot does not have, repeating the check-suite pages' defect: `{org_id}` but no declaration. */
async function undeclaredOrgIdPage(): Promise<Doc> {
  const page = await fixtureFragment("ban-all-checks-for-agent-run");
  const operation = operationOf(page);
  operation.operationId = "list_bans_v1_organizations__org_id__agent_run_bans_post";
  operation.parameters = [
    ...operation.parameters.filter((parameter: Doc) => parameter.name !== "org_id"),
    { name: "limit", in: "query", required: false, schema: { type: "integer", title: "Limit" } },
  ];
  page.paths = { "/v1/organizations/{org_id}/agent/run/bans": { post: operation } };
  return page;
}

describe("`{org_id}` is declared by rule, on every operation that lacks it", () => {
  it("a new page with {org_id} in its path and no declaration builds, the parameter put first", async () => {
    const { root } = await project({
      ...(await validFragments()),
      "agents/list-bans": await undeclaredOrgIdPage(),
    });
    const { warnings } = await runBuild({ rootDir: root, cache: false });
    expect(notices(warnings)).toEqual([]);
    const spec = await generatedSpec(root);
    expect(spec.paths["/v1/organizations/{org_id}/agent/run/bans"].post.parameters).toEqual([
      ORG_ID,
      { name: "limit", in: "query", required: false, schema: { type: "integer", title: "Limit" } },
    ]);
    for (const method of ["get", "put"])
      expect(spec.paths[CHECK_SUITE_PATH][method].parameters[0]).toEqual(ORG_ID);
  });

  it("leaves an operation that declares org_id itself, or at its path level, untouched", async () => {
    const ban = await fixtureFragment("ban-all-checks-for-agent-run");
    const own = operationOf(ban).parameters.find((parameter: Doc) => parameter.name === "org_id");
    own.description = "The organization, as the page words it";
    const get = await fixtureFragment("get-check-suite-settings");
    get.paths[CHECK_SUITE_PATH].parameters = [{ ...ORG_ID, description: "Declared for the whole path" }];
    const { root } = await project({
      ...(await validFragments()),
      "agents/ban-all-checks-for-agent-run": ban,
      "repositories/get-check-suite-settings": get,
    });
    const { spec } = await specOf(root);
    const paths = spec.paths as Doc;
    expect(paths[BAN_PATH].post.parameters).toEqual([own]);
    expect(paths[CHECK_SUITE_PATH].get.parameters.map((parameter: Doc) => parameter.name)).toEqual([
      "repo_id",
    ]);
  });

  it("matching no operation is a notice that the override may be deleted, not a failure", async () => {
    const { root } = await project({
      "agents/ban-all-checks-for-agent-run": await fixtureFragment("ban-all-checks-for-agent-run"),
    });
    const { warnings } = await specOf(root);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^${ORG_ID_RULE}: override .* found nothing to correct`)),
    ]);
    expect(warnings[0]).toContain(`the docs may be fixed: delete ${ORG_ID_RULE}`);
  });

  it("fails naming the override and the operation when an org_id is declared otherwise than it adds it", async () => {
    const ban = await fixtureFragment("ban-all-checks-for-agent-run");
    operationOf(ban).parameters.find((parameter: Doc) => parameter.name === "org_id").schema.type = "string";
    const { root } = await project({
      ...(await validFragments()),
      "agents/ban-all-checks-for-agent-run": ban,
    });
    const error = await buildError(root);
    expect(error.file).toBe(ORG_ID_RULE);
    expect(error.operation).toBe(BAN);
    expect(error.problem).toMatch(/no longer applies: `org_id` is now declared otherwise/);
  });
});

/** An operation-specific override, the kind that names its operation (what corrections looked like before rules). */
const DESCRIBE_GET_CHECK_SUITE = `
export default {
  title: "A clearer description of Get Check Suite Settings",
  why: "The page's description does not say the settings are per repository.",
  apply(spec, { operation, expect }) {
    const target = operation("get", "${CHECK_SUITE_PATH}");
    if (!target) return;
    expect(
      target.description === "Get check suite settings for a repository.",
      "the description changed",
      "${GET_CHECK_SUITE}",
    );
    target.description = "Get the check suite settings of one repository (repo_id).";
  },
};
`;

async function projectWithOperationOverride(fragments: Record<string, Doc>) {
  const created = await project(fragments);
  await writeFile(
    join(created.root, "openapi", "overrides", "describe-get-check-suite.ts"),
    DESCRIBE_GET_CHECK_SUITE,
  );
  return created;
}

describe("override outcomes: notice when there is nothing to correct, failure when the target changed", () => {
  it("an operation-specific override whose operation vanished upstream is a notice naming it and the operation", async () => {
    const { "repositories/get-check-suite-settings": _gone, ...rest } = await validFragments();
    const { root } = await projectWithOperationOverride(rest);
    const { warnings } = await runBuild({ rootDir: root, cache: false });
    expect(notices(warnings)).toEqual([
      `openapi/overrides/describe-get-check-suite.ts (${GET_CHECK_SUITE}): override "A clearer description of ` +
        'Get Check Suite Settings" found nothing to correct: the operation vanished; the docs may be fixed: ' +
        "delete openapi/overrides/describe-get-check-suite.ts",
    ]);
  });

  it("an operation-specific override still applies while its operation is as described", async () => {
    const { root } = await projectWithOperationOverride(await validFragments());
    const { spec, warnings } = await specOf(root);
    expect(warnings).toEqual([]);
    expect((spec.paths as Doc)[CHECK_SUITE_PATH].get.description).toBe(
      "Get the check suite settings of one repository (repo_id).",
    );
  });

  it("an override whose target is present but changed fails, naming the override file and the operation", async () => {
    const get = await fixtureFragment("get-check-suite-settings");
    operationOf(get).description = "Get check suite settings.";
    const { root } = await projectWithOperationOverride({
      ...(await validFragments()),
      "repositories/get-check-suite-settings": get,
    });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/overrides/describe-get-check-suite.ts");
    expect(error.operation).toBe(GET_CHECK_SUITE);
    expect(error.problem).toMatch(/no longer applies: the description changed/);
  });

  it("bearer auth: no authorization parameter left is a notice, not a failure", async () => {
    const fragments = await validFragments();
    for (const fragment of Object.values(fragments)) {
      const operation = operationOf(fragment);
      operation.parameters = operation.parameters.filter(
        (parameter: Doc) => parameter.name !== "authorization",
      );
    }
    const { root } = await project(fragments);
    const { warnings } = await specOf(root);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^openapi\/overrides\/bearer-auth\.ts: .* no operation has the `authorization` header parameter any more; the docs may be fixed: delete openapi\/overrides\/bearer-auth\.ts$/,
      ),
    ]);
  });
});

describe("a stale example never blocks a release", () => {
  /** Get Check Suite Settings with a 200 example that no longer matches its schema. */
  async function staleExamplePage(): Promise<Doc> {
    const get = await fixtureFragment("get-check-suite-settings");
    operationOf(get).responses["200"].content["application/json"].examples.example.value.check_retry_count =
      "3";
    return get;
  }

  it("is dropped, and reported as a docs defect naming the fragment, the operation and its place", async () => {
    const { root } = await project({
      ...(await validFragments()),
      "repositories/get-check-suite-settings": await staleExamplePage(),
    });
    const { warnings } = await runBuild({ rootDir: root, cache: false });
    expect(defects(warnings)).toEqual([
      `openapi/repositories/get-check-suite-settings.yaml (${GET_CHECK_SUITE}): docs defect: example "example" ` +
        "of response 200 (application/json) does not match its schema (`check_retry_count` property type must be integer at " +
        "/value/check_retry_count): dropped",
    ]);
    const responses = (await generatedSpec(root)).paths[CHECK_SUITE_PATH].get.responses;
    expect(responses["200"].content["application/json"]).not.toHaveProperty("examples");
    expect(responses["422"].content["application/json"].examples.example.value.detail).toHaveLength(1);
  });

  it("parameter and schema examples are dropped too when redocly.yaml checks them", async () => {
    const get = await fixtureFragment("get-check-suite-settings");
    const repoId = operationOf(get).parameters[0];
    repoId.example = "not a number";
    get.components.schemas.CheckSuiteSettingsResponse.properties.check_retry_count.examples = [
      "one",
      2,
      "three",
    ];
    const { root } = await project({
      ...(await validFragments()),
      "repositories/get-check-suite-settings": get,
    });
    const config = join(root, "redocly.yaml");
    await writeFile(
      config,
      `${await readFile(config, "utf8")}  no-invalid-parameter-examples: error\n  no-invalid-schema-examples: error\n`,
    );
    const { warnings } = await runBuild({ rootDir: root, cache: false });
    const component = "#/components/schemas/CheckSuiteSettingsResponse/properties/check_retry_count";
    expect(defects(warnings)).toEqual([
      `openapi/repositories/get-check-suite-settings.yaml (${GET_CHECK_SUITE}): docs defect: example of ` +
        'parameter "repo_id" does not match its schema (type must be integer): dropped',
      `openapi/repositories/get-check-suite-settings.yaml: docs defect: examples[0] of the schema at ${component} ` +
        "does not match its schema (type must be integer): dropped",
      `openapi/repositories/get-check-suite-settings.yaml: docs defect: examples[2] of the schema at ${component} ` +
        "does not match its schema (type must be integer): dropped",
    ]);
    const spec = await generatedSpec(root);
    expect(
      spec.paths[CHECK_SUITE_PATH].get.parameters.find((p: Doc) => p.name === "repo_id"),
    ).not.toHaveProperty("example");
    expect(spec.components.schemas.CheckSuiteSettingsResponse.properties.check_retry_count.examples).toEqual([
      2,
    ]);
  });

  it("any other lint problem still fails the build, even beside a stale example", async () => {
    const get = await staleExamplePage();
    delete operationOf(get).summary;
    const { root } = await project({
      ...(await validFragments()),
      "repositories/get-check-suite-settings": get,
    });
    const error = await buildError(root);
    expect(error.file).toBe("openapi/repositories/get-check-suite-settings.yaml");
    expect(error.operation).toBe(GET_CHECK_SUITE);
    expect(error.problem).toMatch(/lint failed .*: 1 error\(s\), 0 warning\(s\)\n.*error operation-summary/);
  });
});

describe("an open object stays open", () => {
  it("Update Check Suite Settings' 200 answer is typed as an open record", async () => {
    const committed = await readFile(
      join(repoRoot, "openapi", "repositories", "update-check-suite-settings.yaml"),
      "utf8",
    );
    const { root } = await project({
      ...(await validFragments()),
      "repositories/update-check-suite-settings": committed,
    });
    await runBuild({ rootDir: root, cache: false });
    const schemaTs = await readFile(join(root, "src/generated/schema.ts"), "utf8");
    const operation = schemaTs.match(
      /\n {2}update_check_suite_settings_v1_organizations__org_id__repos_check_suite_settings_put: \{\n[\s\S]*?\n {2}\};\n/,
    )![0];
    expect(operation).toMatch(
      /\n {6}200: \{\n[\s\S]*?"application\/json": \{\n\s*\[key: string\]: unknown;\n\s*\};\n[\s\S]*?\n {6}422:/,
    );
  });
});
