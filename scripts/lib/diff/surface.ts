import type { SurfaceReport } from "../spec/render-helpers.js";
import type { ChangeReport, SemverBump, Severity } from "./types.js";

/** A change of what users call and name: a helper, a type name or a hand-written helper. */
export interface SurfaceChange {
  severity: Exclude<Severity, "docs">;
  /** "helper `agentRuns.get`", "type `AgentRun`" */
  subject: string;
  message: string;
}

/**
 * What changed for code using the helpers between two committed surfaces (src/generated/surface.json): a helper
 * or type name gone or a signature changed is breaking; one added, or an operation moved under an unchanged
 * call, is not.
 */
export function diffSurfaces(previous: SurfaceReport, next: SurfaceReport): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  const add = (severity: SurfaceChange["severity"], subject: string, message: string) =>
    changes.push({ severity, subject, message });
  const route = (report: SurfaceReport, operation: string) => `\`${report.operations[operation]}\``;

  for (const [name, was] of Object.entries(previous.helpers)) {
    const is = next.helpers[name];
    const subject = `helper \`${name}\``;
    if (!is) {
      add(
        "breaking",
        subject,
        `removed (it called ${was.operations.map((op) => route(previous, op)).join(", ")})`,
      );
      continue;
    }
    if (is.signature !== was.signature)
      add("breaking", subject, `signature changed from \`${was.signature}\` to \`${is.signature}\``);
    if (is.operations.join() !== was.operations.join())
      add(
        "non-breaking",
        subject,
        `now calls ${is.operations.join(", ")} (was ${was.operations.join(", ")})`,
      );
    for (const operation of is.operations.filter((op) => was.operations.includes(op)))
      if (previous.operations[operation] !== next.operations[operation])
        add(
          "non-breaking",
          subject,
          `path changed from ${route(previous, operation)} to ${route(next, operation)}`,
        );
  }
  for (const [name, is] of Object.entries(next.helpers))
    if (!previous.helpers[name]) add("non-breaking", `helper \`${name}\``, `added: \`${is.signature}\``);

  for (const [name, was] of Object.entries(previous.types)) {
    const is = next.types[name];
    if (is === undefined) add("breaking", `type \`${name}\``, `removed (it named ${was})`);
    else if (is !== was) add("non-breaking", `type \`${name}\``, `now names ${is} (was ${was})`);
  }
  for (const [name, is] of Object.entries(next.types))
    if (previous.types[name] === undefined) add("non-breaking", `type \`${name}\``, `added: ${is}`);

  for (const name of Object.keys(previous.workflows))
    if (!next.workflows[name]) add("breaking", `helper \`${name}\``, "removed");
  for (const name of Object.keys(next.workflows))
    if (!previous.workflows[name]) add("non-breaking", `helper \`${name}\``, "added");
  return changes.sort((a, b) => Number(a.severity !== "breaking") - Number(b.severity !== "breaking"));
}

/** The API change report with the helper changes added to it, its counts and semver bump included. */
export function withSurfaceChanges(report: ChangeReport, helpers: SurfaceChange[]): ChangeReport {
  if (!helpers.length) return report;
  const breaking = report.counts.breaking + helpers.filter((change) => change.severity === "breaking").length;
  const nonBreaking = report.counts.nonBreaking + helpers.length - (breaking - report.counts.breaking);
  const counts = { breaking, nonBreaking, docs: report.counts.docs };
  let bump: SemverBump = report.bump;
  if (breaking) bump = "major";
  else if (nonBreaking && bump !== "major") bump = "minor";
  return { ...report, counts, helpers };
}
