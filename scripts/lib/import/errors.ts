/** Where a problem was found: the page (file path or URL) and, when known, the operation it documents. */
export interface ImportErrorContext {
  /** The file path or URL of the page (or index) being read. */
  source: string;
  /** "METHOD /path" of the operation, once the fence header or the block has named it. */
  operation?: string;
}

/**
 * Any problem with the docs being imported. The message always starts with the source and the operation so
 * that a failed `npm run docs:import` says which page to look at without a stack trace.
 */
export class ImportError extends Error {
  override name = "ImportError";
  readonly source: string;
  readonly operation: string | undefined;
  readonly problem: string;

  constructor(context: ImportErrorContext, problem: string, options?: { cause?: unknown }) {
    const where = context.operation ? `${context.source} (${context.operation})` : context.source;
    super(`${where}: ${problem}`, options);
    this.source = context.source;
    this.operation = context.operation;
    this.problem = problem;
  }
}
