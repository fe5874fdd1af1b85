import type { Override } from "../../scripts/lib/spec/overrides.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The upstream shape of the stray parameter, exactly: optional, untyped (title only), in the header. */
function isUpstreamAuthorizationHeader(parameter: unknown): boolean {
  return (
    isRecord(parameter) &&
    parameter.name === "authorization" &&
    parameter.in === "header" &&
    parameter.required !== true &&
    isRecord(parameter.schema) &&
    parameter.schema.type === undefined
  );
}

export default {
  title: "Bearer auth instead of an `authorization` header parameter",
  why:
    "Every page documents auth as an optional, untyped `authorization` header parameter and declares no " +
    "security scheme, while the Authentication guide says every endpoint requires `Authorization: Bearer " +
    "<token>`. The parameter is removed; the base document's global `bearerAuth` scheme replaces it.",
  apply(spec, { operations, expect, notice }) {
    const schemes = (spec.components as { securitySchemes?: Record<string, unknown> }).securitySchemes ?? {};
    expect(Object.keys(schemes).join() === "bearerAuth", "the spec now declares security schemes of its own");
    let removed = 0;
    for (const { method, path, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.security === undefined, "the operation now declares its own `security`", where);
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      const auth = parameters.filter(
        (parameter) => isRecord(parameter) && /^authorization$/i.test(String(parameter.name)),
      );
      if (auth.length === 0) continue;
      expect(
        auth.length === 1 && isUpstreamAuthorizationHeader(auth[0]),
        "the `authorization` parameter is no longer the optional untyped header parameter",
        where,
      );
      operation.parameters = parameters.filter((parameter) => parameter !== auth[0]);
      if ((operation.parameters as unknown[]).length === 0) delete operation.parameters;
      removed++;
    }
    if (removed === 0) notice("no operation has the `authorization` header parameter any more");
  },
} satisfies Override;
