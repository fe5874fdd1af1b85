import type { CodegenClient } from "../index.js";
import { usageError } from "./exit-codes.js";

/**
 * The generated helper `name` ("users.list", as openapi/helpers.yaml names it), bound to its namespace. The
 * command line looks its helpers up when a command runs instead of naming them in typed code: when Codegen's docs
 * drop an operation, the package still regenerates and builds, and only the command that needs it says so.
 */
export function helper(client: CodegenClient, name: string): (...args: unknown[]) => any {
  const [namespace, method] = name.split(".") as [string, string];
  const owner = (client as unknown as Record<string, Record<string, unknown> | undefined>)[namespace];
  const found = owner?.[method];
  if (typeof found != "function")
    throw usageError(`this version of the API has no ${name} (Codegen's docs no longer list its operation)`);
  return found.bind(owner);
}
