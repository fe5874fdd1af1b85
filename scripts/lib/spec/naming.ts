import { readFile } from "node:fs/promises";
import { BuildError } from "./errors.js";
import { isRecord } from "../json.js";
import { parseYaml } from "./load.js";

/** One entry of openapi/helpers.yaml (see the comment at its top for what each field means). */
export interface NamingEntry {
  helper?: string;
  args?: string[];
  options?: string[];
  pages?: { items: string; total: string };
  types?: Record<string, string>;
}

/** Operation name → entry, in the table's order. */
export type NamingTable = Map<string, NamingEntry>;

const FIELDS = new Set(["helper", "args", "options", "pages", "types"]);
const HELPER = /^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
/** `response`, `body` or `query`, then `.field` steps and `[]` for an array's items. */
export const TYPE_SOURCE = /^(response|body|query)((\.[A-Za-z_][A-Za-z0-9_]*)|\[\])*$/;

/**
 * Reads the naming table. A missing file is an empty table (every helper gets its default name). A malformed one
 * fails the build naming the entry: a typo must not silently rename a helper.
 */
export async function loadNamingTable(file: string, shown: string): Promise<NamingTable> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  const document = parseYaml(text, shown) ?? {};
  if (!isRecord(document))
    throw new BuildError({ file: shown }, "expected a mapping: operation name → entry");
  const table: NamingTable = new Map();
  const typeOwners = new Map<string, string>();
  for (const [name, raw] of Object.entries(document)) {
    const fail = (problem: string): never => {
      throw new BuildError({ file: shown }, `entry "${name}": ${problem}`);
    };
    if (!isRecord(raw)) fail("expected a mapping with helper, args, options, pages and/or types");
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (!FIELDS.has(key)) fail(`unknown field "${key}"`);
    const { helper, args, options, pages, types } = entry;
    if (helper !== undefined && !(typeof helper === "string" && HELPER.test(helper)))
      fail(`helper must read namespace.method (camelCase), got ${JSON.stringify(helper)}`);
    for (const [field, list] of [
      ["args", args],
      ["options", options],
    ] as const)
      if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === "string")))
        fail(`${field} must be a list of parameter names`);
    if (
      pages !== undefined &&
      !(isRecord(pages) && typeof pages.items === "string" && typeof pages.total === "string")
    )
      fail("pages must be { items: <field>, total: <field> }");
    if (types !== undefined && !isRecord(types)) fail("types must map type names to what they name");
    for (const [typeName, source] of Object.entries((types ?? {}) as Record<string, unknown>)) {
      if (!TYPE_NAME.test(typeName)) fail(`type name "${typeName}" must be PascalCase`);
      if (!(typeof source === "string" && TYPE_SOURCE.test(source)))
        fail(
          `type ${typeName}: ${JSON.stringify(source)} must be response, body or query, then .field or [] steps`,
        );
      const owner = typeOwners.get(typeName);
      if (owner) fail(`type name ${typeName} is already given by entry "${owner}"`);
      typeOwners.set(typeName, name);
    }
    table.set(name, entry as NamingEntry);
  }
  return table;
}
