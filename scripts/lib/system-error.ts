/**
 * A failure of the file system or the machine (EACCES writing the output, ENOSPC, EMFILE…) as one line naming the
 * operation, the path and the reason, or undefined for anything else. The scripts print it instead of a stack
 * trace: it is about where they were asked to write or read, not a defect of theirs.
 */
export function describeSystemError(error: unknown): string | undefined {
  const { code, syscall, path } = (error ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof code != "string" || typeof syscall != "string") return undefined;
  const reason = REASONS[code] ? `${REASONS[code]} (${code})` : code;
  return path ? `${syscall} ${String(path)}: ${reason}` : `${syscall}: ${reason}`;
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  ENOENT: "no such file or directory",
};
