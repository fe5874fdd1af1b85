import type { Override } from "../../scripts/lib/spec/overrides.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export default {
  title: "Declare `{org_id}` where the path has it and no parameter declares it",
  why:
    "Some pages (GET/PUT check-suite-settings when this was written) put `{org_id}` in the path but declare no " +
    "`org_id` parameter, so no client can build the URL. Every other operation of the API declares `org_id` as " +
    'a required integer path parameter titled "Org Id"; the same declaration is added, as a rule, so that a ' +
    "new page repeating the defect builds with no hand edit.",
  apply(spec, { operations, resolve, expect, notice }) {
    let added = 0;
    for (const { method, path, operation, pathItem } of operations()) {
      if (!path.includes("{org_id}")) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      const orgIds = [...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []), ...parameters]
        .map(resolve)
        .filter(
          (parameter): parameter is Record<string, unknown> =>
            isRecord(parameter) && parameter.name === "org_id",
        );
      // The declaration added rests on how the other operations declare it: if that changes, so must the rule.
      for (const declared of orgIds)
        expect(
          declared.in === "path" && isRecord(declared.schema) && declared.schema.type === "integer",
          "`org_id` is now declared otherwise than as an integer path parameter",
          where,
        );
      if (orgIds.length > 0) continue;
      operation.parameters = [
        { name: "org_id", in: "path", required: true, schema: { type: "integer", title: "Org Id" } },
        ...parameters,
      ];
      added++;
    }
    if (added === 0) notice("every operation with `{org_id}` in its path declares it");
  },
} satisfies Override;
