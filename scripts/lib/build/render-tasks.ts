/**
 * The build's heavy renderings (prettier, openapi-typescript → TypeScript), by name, so they can run in a
 * worker thread that loads those tools while the main thread loads, merges and lints the spec.
 */
import { renderOpenApiJson, renderOperationsTs, renderSchemaTs } from "./generate.js";
import { renderReadmeCoverage } from "./readme.js";

export const renderTasks = {
  openapiJson: renderOpenApiJson,
  schemaTs: renderSchemaTs,
  operationsTs: renderOperationsTs,
  readmeCoverage: renderReadmeCoverage,
};

export type RenderTasks = typeof renderTasks;
export type RenderTask = keyof RenderTasks;
