/** Where a build problem was found: the file and, when known, the operation ("METHOD /path"). */
export interface BuildErrorContext {
  /** Path of the offending file (fragment, override, base document or config), relative to the project root. */
  file?: string;
  /** "METHOD /path/template" of the operation concerned, when there is one. */
  operation?: string;
}

/**
 * Any problem with the build's inputs. The message starts with the file and the operation, so the CLI can
 * print it as it is (no stack trace) and the reader knows which file to open.
 */
export class BuildError extends Error {
  override name = "BuildError";
  readonly file: string | undefined;
  readonly operation: string | undefined;
  readonly problem: string;

  constructor(context: BuildErrorContext, problem: string, options?: { cause?: unknown }) {
    const where = [context.file, context.operation && `(${context.operation})`].filter(Boolean).join(" ");
    super(where ? `${where}: ${problem}` : problem, options);
    this.file = context.file;
    this.operation = context.operation;
    this.problem = problem;
  }
}
