/**
 * Every script's `--help`, declared once per script as a `Usage` and rendered the same way: what it does, its
 * arguments and options with their defaults, its exit codes. `exitIfHelp` is the first thing a script runs, so
 * asking for help never starts work (no build, no server, no file written).
 */
export interface Usage {
  /** How it is run: "npm run build". */
  command: string;
  /** One or two sentences: what it does and what it writes. */
  summary: string;
  /** Positional arguments, e.g. [["<old> <new>", "the two specs to compare"]]. */
  arguments?: [name: string, meaning: string][];
  /** [flag, default, meaning]; the default "off" for a boolean flag. */
  options?: [flag: string, defaultValue: string, meaning: string][];
  /** [code, meaning]. */
  exitCodes: [code: number, meaning: string][];
}

const HELP_FLAGS = new Set(["--help", "-h"]);

export function renderHelp(usage: Usage): string {
  const lines = [...wrap(`${usage.command}: ${usage.summary}`, 100), ""];
  const args = usage.arguments ?? [];
  const options = [...(usage.options ?? []), ["--help", "", "print this text and exit"] as const];
  lines.push(
    `usage: ${usage.command}${args.length || options.length ? " --" : ""}${args.map(([name]) => ` ${name}`).join("")} [options]`,
  );
  if (args.length) {
    lines.push("", "arguments:");
    const width = Math.max(...args.map(([name]) => name.length));
    for (const [name, meaning] of args) lines.push(`  ${name.padEnd(width)}  ${meaning}`);
  }
  lines.push("", "options:");
  const width = Math.max(...options.map(([flag]) => flag.length));
  for (const [flag, defaultValue, meaning] of options)
    lines.push(`  ${flag.padEnd(width)}  ${meaning}${defaultValue ? ` (default: ${defaultValue})` : ""}`);
  lines.push("", "exit codes:");
  for (const [code, meaning] of usage.exitCodes) lines.push(`  ${String(code).padStart(3)}  ${meaning}`);
  return lines.join("\n");
}

/** The one-line reminder printed with a usage error. */
export function usageLine(usage: Usage): string {
  return `run \`${usage.command} -- --help\` for the arguments and options`;
}

/** Prints the help and exits 0 when the arguments ask for it; otherwise returns and the script goes on. */
export function exitIfHelp(usage: Usage, args: readonly string[] = process.argv.slice(2)): void {
  if (!args.some((arg) => HELP_FLAGS.has(arg))) return;
  console.log(renderHelp(usage));
  process.exit(0);
}

/** `--quick`: benchmarks run fewer iterations and print the same lines. */
export function isQuick(args: readonly string[] = process.argv.slice(2)): boolean {
  return args.includes("--quick");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
