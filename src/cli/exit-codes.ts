/** The command's exit codes; documented in `--help` and docs/cli.md, so CI jobs can branch on them. */
export const EXIT = {
  success: 0,
  runFailed: 1,
  usage: 2,
  api: 3,
  timeout: 4,
  paused: 5,
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0    success (the run COMPLETE, or created when not waiting)
  1    the run ended in failure (ERROR, FAILED, CANCELLED, ...)
  2    usage or configuration error (bad flag, missing token or organization)
  3    API or connection error after retries
  4    --timeout elapsed while waiting
  5    the run is PAUSED, waiting for input
  130  interrupted (Ctrl-C) while waiting; the run goes on`;

/** A failure the command reports as one message on stderr and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
