import {
  AgentRunTimeoutError,
  CodegenApiError,
  CodegenError,
  ConfigurationError,
  createCodegenClient,
} from "../index.js";
import { api } from "./api-command.js";
import { parse, positiveInt } from "./args.js";
import * as commands from "./commands.js";
import { CliError, EXIT, usageError } from "./exit-codes.js";
import { errorCommand, inGitHubActions } from "./github-actions.js";
import { helper } from "./helper.js";
import { helpFor, HELP } from "./help.js";
import { Output } from "./output.js";

type Command = (ctx: commands.Context, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: commands.run,
  "runs list": commands.runsList,
  "runs get": commands.runsGet,
  "runs resume": commands.resume,
  "runs logs": commands.runsLogs,
  whoami: commands.whoami,
  "orgs list": listOf("organizations.list", (org) => org.name),
  "repos list": listOf("repositories.list", (repo) => repo.full_name ?? repo.name),
  "users list": listOf("users.list", (user) => user.github_username ?? user.email),
  api,
};

/** A command printing every item of a list helper, one `id<TAB>label` line each. */
function listOf(name: string, label: (item: Record<string, unknown>) => unknown): Command {
  return (ctx, args) =>
    commands.listAll(ctx, args, (signal) => helper(ctx.client, name)({}, { signal }), label);
}

/** Commands that act on no organization, so none is looked up for them. */
const WITHOUT_ORG = new Set(["whoami", "orgs list", "api"]);

async function main(argv: string[]): Promise<number> {
  const out = new Output({ json: argv.includes("--json"), verbose: argv.includes("--verbose") });
  const token = process.env.CODEGEN_API_TOKEN;
  const controller = new AbortController();
  const ctx = { out, signal: controller.signal } as commands.Context;
  try {
    const name = commandName(argv);
    const args = argv.slice(name ? name.split(" ").length : 0);
    if (argv.some((arg) => /^--?token(=|$)/.test(arg)))
      throw usageError(
        "the token is read from the environment variable CODEGEN_API_TOKEN only, never from a flag",
      );
    if (!name || args.includes("--help") || args.includes("-h")) {
      if (!name && argv.length && !argv.includes("--help") && !argv.includes("-h"))
        throw usageError(
          `unknown command: ${argv
            .filter((a) => !a.startsWith("-"))
            .slice(0, 2)
            .join(" ")}\n\n${HELP.main}`,
        );
      process.stdout.write(helpFor(name ?? "main"));
      return EXIT.success;
    }
    if (!token)
      throw usageError("CODEGEN_API_TOKEN is not set: export your API token (https://codegen.com/token)");

    const orgFlag = orgIdFlag(args);
    ctx.client = createCodegenClient({ token, ...(orgFlag !== undefined && { orgId: orgFlag }) });
    out.debug(
      `base URL ${process.env.CODEGEN_API_BASE_URL ?? "https://api.codegen.com"}, organization ${ctx.client.orgId ?? "(not set)"}`,
    );
    if (ctx.client.orgId === undefined && !WITHOUT_ORG.has(name)) await useOnlyOrganization(ctx);
    process.once("SIGINT", () => controller.abort(new CliError("interrupted", EXIT.interrupted)));
    return await COMMANDS[name]!(ctx, args);
  } catch (error) {
    if (controller.signal.aborted) {
      out.clearStatusLine();
      const again = ctx.watching ? ` Follow it again: codegen-api runs logs ${ctx.watching} --follow` : "";
      out.message(`Stopped waiting; the run goes on.${again}`);
      return EXIT.interrupted;
    }
    const [message, code] = describeFailure(error);
    out.clearStatusLine();
    const safe = token ? message.replaceAll(token, "***") : message;
    out.message(inGitHubActions() ? errorCommand(safe) : `codegen-api: ${safe}`);
    return code;
  }
}

/** The longest known command at the start of argv ("runs list" before "runs"). */
function commandName(argv: string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith("-")).slice(0, 2);
  const two = words.join(" ");
  if (COMMANDS[two] && argv.indexOf(words[1]!) === argv.indexOf(words[0]!) + 1) return two;
  if (COMMANDS[words[0] ?? ""] && argv[0] === words[0]) return words[0];
  return undefined;
}

function orgIdFlag(args: string[]): number | undefined {
  const at = args.findIndex((arg) => arg === "--org-id" || arg.startsWith("--org-id="));
  if (at < 0) return undefined;
  const value = args[at]!.includes("=") ? args[at]!.split("=")[1] : args[at + 1];
  return positiveInt("--org-id", value);
}

/** No --org-id nor CODEGEN_ORG_ID: the token's organization when it has exactly one. */
async function useOnlyOrganization(ctx: commands.Context): Promise<void> {
  const first = await helper(ctx.client, "organizations.list")({ limit: 2 }, { signal: ctx.signal });
  const items = (first as { items?: { id: number }[] }).items ?? [];
  if (items.length !== 1)
    throw usageError("no organization: pass --org-id or set CODEGEN_ORG_ID (the token can access several)");
  ctx.client = createCodegenClient({ token: process.env.CODEGEN_API_TOKEN!, orgId: items[0]!.id });
  ctx.out.debug(`organization ${items[0]!.id} (the token's only one)`);
}

function describeFailure(error: unknown): [string, number] {
  if (error instanceof CliError) return [error.message, error.exitCode];
  if (error instanceof ConfigurationError) return [error.message, EXIT.usage];
  if (error instanceof AgentRunTimeoutError)
    return [`${error.message} (last status ${error.lastStatus ?? "unknown"}); the run goes on`, EXIT.timeout];
  if (error instanceof CodegenApiError || error instanceof CodegenError) return [error.message, EXIT.api];
  return [`unexpected error: ${(error as Error)?.message ?? String(error)}`, EXIT.api];
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Pending timers of an abandoned wait must not keep the process alive.
  setImmediate(() => process.exit(code));
});
