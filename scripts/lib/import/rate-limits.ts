import { ImportError } from "./errors.js";

/** The operation extension read by the client's rate limiter (see the contract in the README's pipeline section). */
export interface RateLimit {
  group: string;
  limit: number;
  windowSeconds: number;
  source: "page" | "overview";
}

/** A category of the overview page's "Rate Limits" list, e.g. "Agent creation: 10 requests per minute". */
export interface RateLimitCategory {
  /** kebab-case of the category name without a trailing "endpoints": `standard`, `agent-creation`, … */
  group: string;
  /** The words of the name, used to match an operation to its category. */
  words: string[];
  limit: number;
  windowSeconds: number;
}

export interface RateLimitPolicy {
  /** The "Standard endpoints" category: what applies to every page that states no limit of its own. */
  standard: RateLimitCategory;
  /** The other, named categories (agent creation, setup commands, log analysis). */
  named: RateLimitCategory[];
}

const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };
const AMOUNT = String.raw`(\d+)\s+requests?\s+per\s+(?:(\d+)\s+)?(second|minute|hour|day)s?\b`;

/** Parses "N requests per [M] second(s)/minute(s)/…"; returns undefined if the text does not say that. */
export function parseAmount(text: string): { limit: number; windowSeconds: number } | undefined {
  const match = new RegExp(`^${AMOUNT}\\.?$`, "i").exec(text.trim());
  if (!match) return undefined;
  const limit = Number(match[1]);
  const count = match[2] === undefined ? 1 : Number(match[2]);
  if (limit <= 0 || count <= 0) return undefined;
  return { limit, windowSeconds: count * UNIT_SECONDS[match[3]!.toLowerCase()]! };
}

/**
 * Reads the overview page's "## Rate Limits" list (`* **Name**: N requests per …`). Numbers are never
 * hard-coded: a changed overview changes the groups. A list item that cannot be parsed, or a list without
 * a "Standard endpoints" category, fails the import.
 */
export function parseOverviewRateLimits(markdown: string, source: string): RateLimitPolicy {
  const section = /^## Rate Limits\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown);
  if (!section) throw new ImportError({ source }, 'the overview page has no "## Rate Limits" section');
  const categories: RateLimitCategory[] = [];
  for (const line of section[1]!.split("\n")) {
    if (!/^\s*[*-]\s/.test(line)) continue;
    const item = /^\s*[*-]\s+\*\*(.+?)\*\*\s*:\s*(.+)$/.exec(line);
    const amount = item ? parseAmount(item[2]!) : undefined;
    if (!item || !amount) {
      throw new ImportError(
        { source },
        `cannot read the rate limit "${line.trim()}" (expected "* **Name**: N requests per M seconds")`,
      );
    }
    const words = item[1]!
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const groupWords = words.at(-1) === "endpoints" ? words.slice(0, -1) : words;
    categories.push({ group: groupWords.join("-"), words: groupWords, ...amount });
  }
  const standard = categories.find((category) => category.group === "standard");
  if (!standard) throw new ImportError({ source }, 'the rate limits list has no "Standard endpoints" item');
  const groups = categories.map((category) => category.group);
  const duplicate = groups.find((group, index) => groups.indexOf(group) !== index);
  if (duplicate) throw new ImportError({ source }, `the rate limits list names "${duplicate}" twice`);
  return { standard, named: categories.filter((category) => category !== standard) };
}

/**
 * Finds the page's own "Rate limit: …" statement. None → undefined; one that cannot be parsed, or two that
 * disagree, fail the import (a limit we cannot read must not silently become the standard one).
 */
export function parsePageRateLimit(
  prose: string,
  context: { source: string; operation: string },
): { limit: number; windowSeconds: number } | undefined {
  const statements = [...prose.matchAll(/rate[ -]limit(?:ed)?\s*:\s*([^\n]*)/gi)].map((match) =>
    match[1]!.trim(),
  );
  if (statements.length === 0) return undefined;
  const amounts = statements.map((statement) => {
    const amount = parseAmount(statement);
    if (!amount) throw new ImportError(context, `cannot read the rate limit "Rate limit: ${statement}"`);
    return amount;
  });
  const [first] = amounts;
  if (
    amounts.some((amount) => amount.limit !== first!.limit || amount.windowSeconds !== first!.windowSeconds)
  ) {
    throw new ImportError(context, `the page states different rate limits: ${statements.join(" / ")}`);
  }
  return first;
}

/**
 * Assigns an operation its rate-limit group.
 *
 * - No limit on the page → the overview's standard group (`source: "overview"`).
 * - A stated limit → the named overview category (agent creation, setup commands, log analysis) whose numbers
 *   are equal AND every word of whose name matches a word of the operation (its summary, path and tag; words
 *   match on a shared stem: "creation" ~ "create", "analysis" ~ "analyze", "log" ~ "logs"). Two matching
 *   categories are ambiguous and fail the import. With none, a limit equal to the standard one is the
 *   standard group; any other limit is a group of its own named after the page title in kebab case
 *   ("Get Cli Rules" → `get-cli-rules`): short, because the client ships these names.
 */
export function assignRateLimit(
  policy: RateLimitPolicy,
  stated: { limit: number; windowSeconds: number } | undefined,
  operation: { summary: string; path: string; tag: string },
  context: { source: string; operation: string },
): RateLimit {
  if (!stated) {
    const { group, limit, windowSeconds } = policy.standard;
    return { group, limit, windowSeconds, source: "overview" };
  }
  const operationStems = new Set(
    `${operation.summary} ${operation.path} ${operation.tag}`
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stem),
  );
  const matches = policy.named.filter(
    (category) =>
      category.limit === stated.limit &&
      category.windowSeconds === stated.windowSeconds &&
      category.words.every((word) => operationStems.has(stem(word))),
  );
  if (matches.length > 1) {
    throw new ImportError(
      context,
      `the rate limit matches several overview categories: ${matches.map((match) => match.group).join(", ")}`,
    );
  }
  const sameAsStandard =
    stated.limit === policy.standard.limit && stated.windowSeconds === policy.standard.windowSeconds;
  const ownGroup = operation.summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const group = matches[0]?.group ?? (sameAsStandard ? policy.standard.group : ownGroup);
  return { group, limit: stated.limit, windowSeconds: stated.windowSeconds, source: "page" };
}

/** A crude stem, enough for category names: drop a plural "s", keep the first five letters. */
function stem(word: string): string {
  return word.replace(/s$/, "").slice(0, 5);
}
