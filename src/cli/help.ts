// The examples use Get Agent Run (the command needs it to wait) wherever the docs put it.
import { getAgentRun } from "../generated/routes.js";
import { EXIT_CODES_HELP } from "./exit-codes.js";

const COMMON = `Common options:
  --org-id N    the organization (default: env CODEGEN_ORG_ID, else the token's only organization)
  --json        print exactly one JSON document on stdout (one object per line for log streams)
  --verbose     more messages on stderr (the token is never printed)
  -h, --help    this help

Environment: CODEGEN_API_TOKEN (required; never a flag), CODEGEN_ORG_ID, CODEGEN_API_BASE_URL.`;

const WAIT = `  --wait        wait for the run to settle
  --follow      print log entries as they come (and wait)
  --timeout D   give up waiting after D (90s, 30m, 1h or seconds; exit 4)`;

export const HELP: Record<string, string> = {
  main: `Usage: codegen-api <command> [options]

Commands:
  run <prompt…>               create an agent run (prompt - reads stdin)
  runs list                   list agent runs
  runs get <id>               show a run
  runs resume <id> <prompt…>  resume a paused run
  runs logs <id>              print a run's logs
  whoami                      the token's user
  orgs list                   organizations
  repos list                  repositories of the organization
  users list                  users of the organization
  api <METHOD> <path>         any documented operation

Run codegen-api <command> --help for a command's options.`,
  run: `Usage: codegen-api run <prompt…> [--repo-id N] [--model M] [--wait] [--follow] [--timeout 30m] [--json]

Creates an agent run and prints its id (stdout) and web URL (stderr); prompt - reads stdin.
  --repo-id N   the repository
  --model M     the model
${WAIT}`,
  "runs list": `Usage: codegen-api runs list [--limit N] [--source-type T] [--user-id N] [--json]

Lists agent runs, newest first: id, status, created, web URL.
  --limit N        at most N runs (default 20)
  --source-type T  only runs from this source (API, LOCAL, GITHUB, …)
  --user-id N      only this user's runs`,
  "runs get": `Usage: codegen-api runs get <id> [--json]

Shows a run: status, web URL, result or summary, pull requests.`,
  "runs resume": `Usage: codegen-api runs resume <id> <prompt…> [--wait] [--follow] [--timeout D] [--json]

Resumes a paused run with a new prompt (- reads stdin).
${WAIT}`,
  "runs logs": `Usage: codegen-api runs logs <id> [--follow] [--json]

Prints a run's log entries, oldest first; --follow keeps printing them until the run settles.
  --follow      wait for new entries until the run settles`,
  whoami: `Usage: codegen-api whoami [--json]

Shows the user the token belongs to.`,
  "orgs list": `Usage: codegen-api orgs list [--limit N] [--json]

Lists the organizations the token can access.`,
  "repos list": `Usage: codegen-api repos list [--limit N] [--json]

Lists the organization's repositories.`,
  "users list": `Usage: codegen-api users list [--limit N] [--json]

Lists the organization's users.`,
  api: `Usage: codegen-api api <METHOD> <path> [-f key=value …] [--input file.json]

Sends any documented operation through the typed client (auth, throttling, retries) and prints the JSON answer.
The path is a documented template or a concrete path matching one, e.g.
  codegen-api api ${getAgentRun} -f agent_run_id=42
  codegen-api api ${getAgentRun.replace("{org_id}", "1").replace("{agent_run_id}", "42")}
Rule: -f key=value fills {key} when the path template has it; other fields go to the query for GET and
DELETE, to the JSON body otherwise (merged over --input). {org_id} defaults to --org-id / CODEGEN_ORG_ID.
Numbers, true, false and null are sent as JSON values.
  -f, --field key=value   a field (repeatable)
  --input file.json       the request body (- reads stdin)`,
};

export function helpFor(command: string): string {
  return `${HELP[command] ?? HELP.main}\n\n${COMMON}\n\n${EXIT_CODES_HELP}\n`;
}
