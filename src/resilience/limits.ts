import { ConfigurationError } from "../errors.js";
import { rateLimits } from "../generated/operations.js";
import type { RateLimitTable } from "./options.js";

interface Rule {
  group: string;
  limit: number;
  windowMs: number;
  /** The group's place among a client's limiters. */
  slot: number;
}

/** "METHOD /path/template" → its group's rule; "" → the `standard` group's, for operations no group lists. */
type Rules = Map<string, Rule>;

let documented: Rules | undefined;

function index(table: RateLimitTable): Rules {
  const rules: Rules = new Map();
  let slot = 0;
  for (const [group, { limit, windowMs, operations = [] }] of Object.entries(table)) {
    if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0))
      throw new ConfigurationError(`Rate-limit group "${group}" needs a whole limit ≥ 1 and windowMs > 0`);
    const rule = { group, limit, windowMs, slot: slot++ };
    for (const operation of operations) rules.set(operation, rule);
    if (group === "standard") rules.set("", rule);
  }
  return rules;
}

/** The rules of a table, checked: the documented table's once for every client that uses it. */
export function rulesOf(table?: RateLimitTable): Rules {
  return table ? index(table) : (documented ??= index(rateLimits));
}
