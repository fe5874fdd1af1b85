import { ImportError } from "./errors.js";
import { isHttpMethod } from "../http-methods.js";
import { isRecord, type JsonObject } from "../json.js";

export interface PlainOperation {
  method: string;
  path: string;
  document: JsonObject;
  operation: JsonObject;
}

export function isPlainOpenApiBlock(block: unknown): block is JsonObject {
  return isRecord(block) && typeof block.openapi === "string" && isRecord(block.paths);
}

/** Checks that a plain OpenAPI block is 3.1 and holds exactly one operation, and returns it. */
export function readPlainBlock(block: JsonObject, source: string): PlainOperation {
  if (!/^3\.1\.\d+$/.test(String(block.openapi))) {
    throw new ImportError(
      { source },
      `the block is OpenAPI ${String(block.openapi)}; only 3.1.x is supported`,
    );
  }
  const paths = block.paths as JsonObject;
  const entries = Object.entries(paths).flatMap(([path, item]) =>
    isRecord(item)
      ? Object.keys(item)
          .filter((key) => isHttpMethod(key))
          .map((method) => ({ path, method, item }))
      : [],
  );
  if (entries.length !== 1) {
    throw new ImportError(
      { source },
      `the block documents ${entries.length} operations, expected exactly one`,
    );
  }
  const [{ path, method, item }] = entries as [{ path: string; method: string; item: JsonObject }];
  const operation = item[method];
  if (!isRecord(operation))
    throw new ImportError(
      { source, operation: `${method.toUpperCase()} ${path}` },
      "the operation is not an object",
    );
  return { method, path, document: block, operation };
}
