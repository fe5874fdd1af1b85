import { ImportError } from "./errors.js";
import { fragmentFolderProblem } from "./fragment-folders.js";

/** A page of the API reference, as linked from llms.txt. */
export interface ReferencePage {
  /** The canonical URL (the link resolved), recorded as the fragment's provenance. */
  url: string;
  /** `undefined` for guides directly under /api-reference/ (overview, authentication, agent-run-logs). */
  section: string | undefined;
  slug: string;
}

const REFERENCE_PATH = /^\/api-reference\/(?:([^/]*)\/)?([a-z0-9][a-z0-9-]*)\.md$/;

/**
 * Reads the API-reference links of an llms.txt index (`[Title](https://host/api-reference/<section>/<slug>.md)`).
 * llms.txt lists the pages of its own site, whose origin is that of its first absolute http(s) link. Every link
 * is resolved first (dot segments, percent-encoded ones included, as a browser would) and must stay on the site:
 * a link elsewhere fails the import rather than being skipped, since a skipped link would delete the fragment of
 * the page it replaced. An API-reference link must also be a section/slug page whose section can be a folder.
 */
export function parseDocsIndex(text: string, indexLocation: string): ReferencePage[] {
  const links = [...text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  if (links.length === 0) throw new ImportError({ source: indexLocation }, "the index links to no page");
  const site = siteOrigin(links, indexLocation);
  const pages: ReferencePage[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const url = resolveOnSite(link, site, indexLocation);
    if (!url.pathname.startsWith("/api-reference/")) continue;
    const match = REFERENCE_PATH.exec(url.pathname);
    if (!match || url.search || url.hash) {
      throw new ImportError(
        { source: indexLocation },
        `the API-reference link ${url.href} is not /api-reference/[<section>/]<slug>.md`,
      );
    }
    const section = match[1];
    const problem = section === undefined ? undefined : fragmentFolderProblem(section);
    if (problem) {
      const where = `the link ${url.href} is in the docs section "${section}"`;
      throw new ImportError(
        { source: indexLocation },
        `${where}, which cannot be a folder of fragments: ${problem}`,
      );
    }
    if (seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    pages.push({ url: url.href, section, slug: match[2]! });
  }
  return pages;
}

function siteOrigin(links: string[], indexLocation: string): string {
  for (const link of links) {
    const url = URL.canParse(link) ? new URL(link) : undefined;
    if (url && isHttp(url)) return url.origin;
  }
  throw new ImportError(
    { source: indexLocation },
    "the index links no absolute http(s) page, so the site it describes is unknown",
  );
}

/** The link resolved against the site's root (where llms.txt is); an ImportError if it leaves the site. */
function resolveOnSite(link: string, site: string, indexLocation: string): URL {
  const refuse = (why: string): never => {
    throw new ImportError({ source: indexLocation }, `the link "${link}" ${why}`);
  };
  if (!URL.canParse(link, `${site}/llms.txt`)) refuse("is not a URL");
  const url = new URL(link, `${site}/llms.txt`);
  if (!isHttp(url)) refuse(`is not an http(s) URL (${url.protocol}), so it leaves the site ${site}`);
  if (url.origin !== site)
    refuse(`leaves the site: it is on ${url.origin}, the index's pages are on ${site}`);
  if (climbsAboveRoot(link))
    refuse(`leaves the site: its ".." segments climb above the site's root (it resolves to ${url.href})`);
  return url;
}

function isHttp(url: URL): boolean {
  return url.protocol === "https:" || url.protocol === "http:";
}

/**
 * Whether resolving the link's path pops more directories than it has: URL resolution silently stops at the root,
 * so `../../etc/passwd` would become the site's /etc/passwd; for the index it is a link out of the site. Segments
 * are read the way URL resolution reads them: `\` separates like `/`, `%2e` is a dot.
 */
function climbsAboveRoot(link: string): boolean {
  const path = link
    .replace(/^[a-z][a-z0-9+.-]*:/i, "")
    .replace(/^[/\\]{2}[^/\\?#]*/, "")
    .replace(/[?#].*$/s, "");
  // A relative link starts in the directory of llms.txt, the site's root.
  const segments = path.split(/[/\\]/).slice(/^[/\\]/.test(path) ? 1 : 0);
  let depth = 0;
  for (const [index, segment] of segments.entries()) {
    const dots = segment.replace(/%2e/gi, ".");
    if (dots === "..") {
      if (depth === 0) return true;
      depth--;
    } else if (dots !== "." && index < segments.length - 1) depth++;
  }
  return false;
}
