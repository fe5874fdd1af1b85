/** The operation keys of an OpenAPI path item, in the specification's order (the order reports list them in). */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Whether a path item's key names an operation (the others are `parameters`, `summary`, `servers`, …). */
export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}
