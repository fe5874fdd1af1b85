import { stringify } from "yaml";

/**
 * Serialises a fragment. Keys keep the order the converter built (so output is deterministic); lines are
 * never folded (lineWidth 0) and multi-line strings become block scalars, which prettier leaves untouched.
 */
export function emitYaml(document: unknown): string {
  const text = stringify(document, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
  return text.endsWith("\n") ? text : `${text}\n`;
}
