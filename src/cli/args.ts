import { parseArgs, type ParseArgsConfig } from "node:util";
import { usageError } from "./exit-codes.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes. The token is deliberately not one: it comes from CODEGEN_API_TOKEN only. */
export const COMMON_OPTIONS = {
  "org-id": { type: "string" },
  json: { type: "boolean" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} satisfies Options;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs, its errors turned into usage errors (exit 2). */
export function parse(args: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed["values"], positionals };
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

/** A positive integer option or argument, e.g. an id. */
export function positiveInt(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value != "string" || !/^\d+$/.test(value) || Number(value) <= 0)
    throw usageError(`${name}: expected a positive integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

const UNITS: Record<string, number> = { "": 1000, s: 1000, m: 60_000, h: 3_600_000 };

/** `--timeout` as milliseconds: 90s, 30m, 1h, or plain seconds. */
export function parseDuration(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const match = typeof value == "string" ? /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(value) : null;
  if (!match || Number(match[1]) <= 0)
    throw usageError(
      `--timeout: expected a duration such as 90s, 30m, 1h or seconds, got ${JSON.stringify(value)}`,
    );
  return Number(match[1]) * UNITS[match[2] ?? ""]!;
}
