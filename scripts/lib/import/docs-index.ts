import { ImportError } from "./errors.js";

/** A page of the API reference, as linked from llms.txt. */
export interface ReferencePage {
  /** The canonical URL as written in the index (recorded as the fragment's provenance). */
  url: string;
  /** `undefined` for guides directly under /api-reference/ (overview, authentication, agent-run-logs). */
  section: string | undefined;
  slug: string;
}

const REFERENCE_PATH = /^\/api-reference\/(?:([a-z0-9][a-z0-9-]*)\/)?([a-z0-9][a-z0-9-]*)\.md$/;

/**
 * Reads the API-reference links of an llms.txt index (`[Title](https://host/api-reference/<section>/<slug>.md)`).
 * The index's origin is the origin of its first link (llms.txt lists the pages of its own site); an
 * API-reference link to any other origin is refused, as is one whose path is not a section/slug page.
 */
export function parseDocsIndex(text: string, indexLocation: string): ReferencePage[] {
  const links = [...text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  if (links.length === 0) throw new ImportError({ source: indexLocation }, "the index links to no page");
  const firstUrl = parseUrl(links[0]!, indexLocation);
  const origin = firstUrl.origin;
  const pages: ReferencePage[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const url = parseUrl(link, indexLocation);
    if (!url.pathname.startsWith("/api-reference/")) continue;
    if (url.origin !== origin) {
      throw new ImportError(
        { source: indexLocation },
        `the page URL ${url.href} is outside the index's origin ${origin}`,
      );
    }
    const match = REFERENCE_PATH.exec(url.pathname);
    if (!match || url.search || url.hash) {
      throw new ImportError(
        { source: indexLocation },
        `the API-reference link ${url.href} is not /api-reference/[<section>/]<slug>.md`,
      );
    }
    if (seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    pages.push({ url: url.href, section: match[1], slug: match[2]! });
  }
  return pages;
}

function parseUrl(link: string, indexLocation: string): URL {
  try {
    return new URL(link);
  } catch {
    throw new ImportError({ source: indexLocation }, `the link "${link}" is not an absolute URL`);
  }
}
