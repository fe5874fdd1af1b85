import { HTTP_METHODS } from "./http-methods.js";
/**
 * The README's API coverage table: every operation of the merged spec with its method and path, the helper
 * that calls it (from the generated helper surface) and its documented rate limit. `npm run build` regenerates
 * it so it never drifts from the spec.
 */
import type { Surface } from "./spec/surface.js";

interface RateLimit {
  group: string;
  limit: number;
  windowSeconds: number;
}

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  "x-rate-limit"?: RateLimit;
}

/** Markdown table of every operation in `spec` (an OpenAPI document object), grouped by tag. */
export function renderCoverageTable(
  spec: { paths?: Record<string, Record<string, unknown>> },
  surface: Pick<Surface, "helpers" | "workflows">,
): string {
  if (!spec.paths || typeof spec.paths !== "object")
    throw new Error("renderCoverageTable: the spec has no `paths`");
  const rows: { tag: string; cells: string[] }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (!id) throw new Error(`renderCoverageTable: ${where} has no operationId`);
      const helper = helperCell(surface, where);
      rows.push({
        tag: operation.tags?.[0] ?? "",
        cells: [
          operation.summary ?? id,
          `\`${where}\``,
          // An operation the docs gained since the helpers were written is still reachable through `api`.
          helper ?? `\`api.${method.toUpperCase()}\` (no helper)`,
          rateLimit(operation["x-rate-limit"]),
        ],
      });
    }
  }
  rows.sort((a, b) => a.tag.localeCompare(b.tag) || a.cells[0]!.localeCompare(b.cells[0]!));
  return [
    "| Operation | Method and path | Helper | Rate limit |",
    "| --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.cells.map(escapeCell).join(" | ")} |`),
  ].join("\n");
}

/**
 * "`pullRequests.edit` (with `repoId`)", "`agentRuns.get`, `waitForAgentRun`": the helper calling the operation,
 * which of its options select it when it shares the helper, and the hand-written helpers that call it.
 */
function helperCell(surface: Pick<Surface, "helpers" | "workflows">, route: string): string | undefined {
  const helper = surface.helpers.find((candidate) =>
    candidate.variants.some((variant) => variant.route === route),
  );
  if (!helper) return undefined;
  const variant = helper.variants.find((candidate) => candidate.route === route)!;
  const selectors = (options: { argName: string }[]) =>
    options.map((param) => `\`${param.argName}\``).join(", ");
  let cell = `\`${helper.name}\``;
  if (variant.options.length) cell += ` (with ${selectors(variant.options)})`;
  else if (helper.variants.length > 1)
    cell += ` (without ${selectors(helper.variants.flatMap((other) => other.options))})`;
  const name = variant.name;
  for (const workflow of surface.workflows)
    if (workflow.operations.includes(name)) cell += `, \`${workflow.helper}\``;
  return cell;
}

/** "60 / 30 s (standard)": the limit and the group of operations that share it. */
function rateLimit(limit: RateLimit | undefined): string {
  if (!limit) return "not documented";
  return `${limit.limit} / ${limit.windowSeconds} s (${limit.group})`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
