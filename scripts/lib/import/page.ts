import { isHttpMethod } from "../http-methods.js";
import { parse as parseYaml } from "yaml";
import { ImportError } from "./errors.js";

/** A docs page split into the parts the importer uses. */
export interface DocsPage {
  /** The `# Title` line: the operation's summary. */
  title: string;
  /**
   * The prose between the title and `## OpenAPI`: the `>` lead, a blank line, then the body text. This is
   * exactly how the plain-format pages' `description` is made (checked against all of them).
   */
  description: string;
  /** Method and path named by the fence header (````yaml <file> <method> <path>), when the page has a fence. */
  fence?: { method: string; path: string; yaml: string };
}

/**
 * Docs pages never use YAML anchors; a handful is tolerated, but an alias bomb (a few lines expanding into
 * millions of nodes) is stopped by yaml's own counter before it can exhaust memory.
 */
const MAX_YAML_ALIASES = 20;

const FENCE_OPEN = /^````yaml(?:[ \t]+(.*))?$/;

/**
 * Splits a page (as decodeSourceText gives it: LF line ends) into title, description and the OpenAPI fence.
 * Throws an ImportError on malformed pages.
 */
export function parseDocsPage(text: string, source: string): DocsPage {
  const lines = text.split("\n");
  const titleIndex = lines.findIndex((line) => /^# \S/.test(line));
  if (titleIndex === -1) throw new ImportError({ source }, "the page has no `# Title` line");
  const title = lines[titleIndex]!.slice(2).trim();

  const openapiIndex = lines.findIndex((line, index) => index > titleIndex && /^## OpenAPI\s*$/.test(line));
  const proseEnd = openapiIndex === -1 ? lines.length : openapiIndex;
  const description = pageDescription(lines.slice(titleIndex + 1, proseEnd));

  const fences = lines.flatMap((line, index) => (FENCE_OPEN.test(line) ? [index] : []));
  if (fences.length === 0) return { title, description };
  if (fences.length > 1)
    throw new ImportError({ source }, `the page has ${fences.length} \`\`\`\`yaml blocks, expected one`);
  const openIndex = fences[0]!;
  const closeOffset = lines.slice(openIndex + 1).findIndex((line) => /^````\s*$/.test(line));
  if (closeOffset === -1) throw new ImportError({ source }, "the ````yaml block is never closed");

  const header = (FENCE_OPEN.exec(lines[openIndex]!)![1] ?? "").trim().split(/\s+/);
  const [, method, path] = header;
  if (
    header.length !== 3 ||
    !method ||
    !path ||
    !isHttpMethod(method.toLowerCase()) ||
    !path.startsWith("/")
  ) {
    throw new ImportError(
      { source },
      `the fence header "${lines[openIndex]}" does not read \`\`\`\`yaml <spec file> <method> </path>`,
    );
  }
  const yaml = lines.slice(openIndex + 1, openIndex + 1 + closeOffset).join("\n");
  return { title, description, fence: { method: method.toLowerCase(), path, yaml } };
}

/** Parses the block's YAML strictly (duplicate keys and alias bombs are errors, not last-one-wins). */
export function parseBlockYaml(yaml: string, context: { source: string; operation: string }): unknown {
  try {
    return parseYaml(yaml, { maxAliasCount: MAX_YAML_ALIASES, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ImportError(context, "the ````yaml block is not valid YAML: " + reason, { cause: error });
  }
}

/** `> lead` lines (joined) + blank line + body, both trimmed; the `>` may be absent. */
function pageDescription(prose: string[]): string {
  let index = 0;
  while (index < prose.length && prose[index]!.trim() === "") index++;
  const lead: string[] = [];
  while (index < prose.length && prose[index]!.startsWith(">"))
    lead.push(prose[index++]!.replace(/^> ?/, ""));
  const body = prose.slice(index).join("\n").trim();
  return [lead.join("\n").trim(), body].filter((part) => part !== "").join("\n\n");
}
