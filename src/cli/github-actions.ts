import { appendFileSync } from "node:fs";
import type { AgentRun } from "../index.js";

/** GitHub Actions workflow commands and the job summary, used when GITHUB_ACTIONS=true. */
export const inGitHubActions = () => process.env.GITHUB_ACTIONS === "true";

/** Workflow commands must not be broken by a newline or `%` in the message. */
const escape = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

export const group = (title: string) => `::group::${escape(title)}`;
export const endGroup = () => "::endgroup::";
export const errorCommand = (message: string) => `::error::${escape(message)}`;

/** Appends the run's status, web URL, result and PR links to $GITHUB_STEP_SUMMARY. */
export function writeJobSummary(run: AgentRun): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const lines = [`### Codegen agent run ${run.id}`, "", `- Status: **${run.status ?? "unknown"}**`];
  if (run.web_url) lines.push(`- Web: ${run.web_url}`);
  for (const pr of run.github_pull_requests ?? [])
    lines.push(`- Pull request: [${pr.title ?? pr.url}](${pr.url})`);
  if (run.result) lines.push("", run.result);
  appendFileSync(file, `${lines.join("\n")}\n\n`);
}
