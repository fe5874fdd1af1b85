export { createCodegenClient, DEFAULT_BASE_URL, VERSION } from "./client.js";
export type { CodegenClient, CodegenClientOptions } from "./client.js";
export * from "./errors.js";
export type * from "./types.js";
