import type { Change, ChangeReport, SemverBump, Severity } from "./types.js";

const SECTIONS: Array<{ severity: Severity; heading: string }> = [
  { severity: "breaking", heading: "Breaking" },
  { severity: "non-breaking", heading: "Non-breaking" },
  { severity: "docs", heading: "Docs only" },
];

/** The sentence every report opens with; a documentation-only report says "No API change". */
export function summarize(report: ChangeReport): string {
  const { breaking, nonBreaking, docs } = report.counts;
  if (breaking + nonBreaking + docs === 0) return "No change: the API and its documentation are identical.";
  if (breaking + nonBreaking === 0)
    return `No API change: documentation only (${docs} ${docs === 1 ? "change" : "changes"}).`;
  const parts = [`${breaking} breaking`, `${nonBreaking} non-breaking`];
  if (docs > 0) parts.push(`${docs} docs only`);
  return `API changes: ${parts.join(", ")}.`;
}

/**
 * The next version for a bump. Before 1.0.0 semver lets the minor carry breaking changes, so there a major
 * bump moves the minor and a minor bump moves the patch (0.1.0 + major → 0.2.0).
 */
export function nextVersion(version: string, bump: SemverBump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match || bump === "none") return version;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const effective = major === 0 ? ({ major: "minor", minor: "patch", patch: "patch" } as const)[bump] : bump;
  if (effective === "major") return `${major + 1}.0.0`;
  if (effective === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * The human report: a summary, the semver bump, then the changes grouped by severity and by operation.
 * A change several operations share (a schema they all use) is listed once under all of them.
 * Headings start at `###` so the report nests under a CHANGELOG "## Unreleased" heading or a PR body.
 */
export function renderMarkdown(report: ChangeReport, options: { version?: string } = {}): string {
  const lines = [`### API changes (semver: ${report.bump})`, "", summarize(report)];
  if (options.version !== undefined && report.bump !== "none") {
    const next = nextVersion(options.version, report.bump);
    const preOne =
      options.version.startsWith("0.") && report.bump !== "patch"
        ? " (pre-1.0: the minor carries breaking changes)"
        : "";
    lines.push("", `Next version: ${options.version} → ${next}${preOne}.`);
  }
  if (report.helpers?.length) {
    lines.push("", "#### Helpers and type names", "");
    for (const change of report.helpers)
      lines.push(
        `- ${change.severity === "breaking" ? "**breaking** " : ""}${change.subject}: ${change.message}`,
      );
  }
  for (const { severity, heading } of SECTIONS) {
    const changes = report.changes.filter((change) => change.severity === severity);
    if (changes.length === 0) continue;
    lines.push("", `#### ${heading}`, "");
    for (const { operations, descriptions } of groupByOperations(changes)) {
      lines.push(
        `- ${operations.length === 1 ? nameOne(operations[0]!) : operations.map(nameMany).join(", ")}`,
      );
      for (const description of descriptions) lines.push(`  - ${description}`);
    }
  }
  return lines.join("\n") + "\n";
}

const nameOne = ({ operation, operationId }: Change) =>
  operation === "" ? "spec-wide" : `\`${operation}\`${operationId ? ` (${operationId})` : ""}`;
const nameMany = ({ operation }: Change) => (operation === "" ? "spec-wide" : `\`${operation}\``);

function describe(change: Change): string {
  const where = [change.location, change.field ? `\`${change.field}\`` : undefined].filter(Boolean).join(" ");
  return where ? `${where}: ${change.message}` : change.message;
}

/**
 * Blocks of `descriptions` that hold for every one of `operations`, in the order the changes came: each
 * description goes to the block of exactly the operations it was found in. An operation's first change
 * stands for it (its name and operationId).
 */
function groupByOperations(changes: Change[]): { operations: Change[]; descriptions: string[] }[] {
  const operationsOf = new Map<string, Map<string, Change>>();
  for (const change of changes) {
    const description = describe(change);
    const operations = operationsOf.get(description) ?? new Map<string, Change>();
    if (!operations.has(change.operation)) operations.set(change.operation, change);
    operationsOf.set(description, operations);
  }
  const blocks = new Map<string, { operations: Change[]; descriptions: string[] }>();
  for (const [description, operations] of operationsOf) {
    const key = [...operations.keys()].join("\n");
    const block = blocks.get(key) ?? { operations: [...operations.values()], descriptions: [] };
    block.descriptions.push(description);
    blocks.set(key, block);
  }
  return [...blocks.values()];
}
