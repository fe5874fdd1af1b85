import type { Override } from "../../scripts/lib/build/overrides.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const PATH = "/v1/organizations/{org_id}/repos/check-suite-settings";

export default {
  title: "Declare `{org_id}` on GET/PUT check-suite-settings",
  why:
    "Both pages put `{org_id}` in the path but declare no `org_id` parameter (and no path parameter at all), " +
    "so no client can build the URL. Every other operation of the API declares `org_id` as a required " +
    'integer path parameter titled "Org Id"; the same declaration is added here.',
  apply(spec, { operation, expect }) {
    for (const method of ["get", "put"]) {
      const target = operation(method, PATH);
      const where = `${method.toUpperCase()} ${PATH}`;
      const parameters = Array.isArray(target.parameters) ? target.parameters : [];
      expect(
        !parameters.some((parameter) => isRecord(parameter) && parameter.name === "org_id"),
        "the operation now declares `org_id`",
        where,
      );
      target.parameters = [
        { name: "org_id", in: "path", required: true, schema: { type: "integer", title: "Org Id" } },
        ...parameters,
      ];
    }
  },
} satisfies Override;
