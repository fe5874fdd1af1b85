import { requireOrgId, type CoreClient } from "../core.js";
import { ConfigurationError, UnexpectedResponseError } from "../errors.js";
import { send, splitRoute, takesOrg, type CallParts, type RequestOptions } from "./send.js";

/** The API's largest (and default) page size. */
export const MAX_PAGE_SIZE = 100;

export interface PageOptions {
  /** Stop after this many items (iteration only; the first page is also trimmed to it). Default: all. */
  maxItems?: number;
}

/** How to read one skip/limit-paged operation. */
export interface PagedOperation<Page, Item> {
  /** "METHOD /path", for error messages. */
  name: string;
  fetchPage(skip: number, limit: number): Promise<Page>;
  items(page: Page): readonly Item[];
  /** The total the server reported, when it did. */
  total(page: Page): number | null | undefined;
}

/**
 * A list call: `await` it for the first page as the API returns it, or `for await` it for every item
 * across pages. Pages are fetched lazily, one at a time, and only when needed.
 */
export class PagedList<Page, Item> implements PromiseLike<Page>, AsyncIterable<Item> {
  readonly #operation: PagedOperation<Page, Item>;
  readonly #skip: number;
  readonly #pageSize: number;
  readonly #maxItems: number;
  #firstPage: Promise<Page> | undefined;

  constructor(
    operation: PagedOperation<Page, Item>,
    {
      skip = 0,
      limit = MAX_PAGE_SIZE,
      maxItems = Infinity,
    }: { skip?: number; limit?: number; maxItems?: number },
  ) {
    this.#operation = operation;
    const check = (name: string, value: number, min: number, max: number) => {
      if ((Number.isInteger(value) || value === Infinity) && value >= min && value <= max) return value;
      throw new ConfigurationError(
        `${operation.name}: \`${name}\` must be an integer from ${min} to ${max}, got ${value}`,
      );
    };
    this.#skip = check("skip", skip, 0, Number.MAX_SAFE_INTEGER);
    this.#pageSize = check("limit", limit, 1, MAX_PAGE_SIZE);
    this.#maxItems = check("maxItems", maxItems, 0, Infinity);
  }

  /** The first page; fetched once however often it is awaited or iterated. */
  then<A = Page, B = never>(
    onFulfilled?: ((page: Page) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#firstPage ??= this.#fetch(this.#skip, this.#maxItems);
    return this.#firstPage.then(onFulfilled, onRejected);
  }

  /** Every page in order, ending on the reported total, an empty page, or `maxItems`. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    for (let skip = this.#skip, seen = 0; seen < this.#maxItems;) {
      const page = await (skip === this.#skip
        ? (this as PromiseLike<Page>)
        : this.#fetch(skip, this.#maxItems - seen));
      const count = this.#operation.items(page).length;
      if (!count) return;
      yield page;
      seen += count;
      skip += count;
      const total = this.#operation.total(page);
      // Without a total, only an empty page proves the end: a short page may just be a server-side cap.
      if (typeof total == "number" && skip >= total) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    let left = this.#maxItems;
    for await (const page of this.pages())
      for (const item of this.#operation.items(page)) {
        if (left-- <= 0) return;
        yield item;
      }
  }

  /** Every item in an array (mind `maxItems` on large lists). */
  async toArray(): Promise<Item[]> {
    const all: Item[] = [];
    for await (const item of this) all.push(item);
    return all;
  }

  // Asking for no more than is still wanted keeps the last page small.
  #fetch(skip: number, wanted: number): Promise<Page> {
    return this.#operation.fetchPage(skip, Math.max(1, Math.min(this.#pageSize, wanted)));
  }
}

/**
 * A skip/limit-paged operation as a `PagedList`: every page is `route` with the call's parts, its query's
 * skip/limit replaced by the page's. The organization is resolved now, so a missing one fails at the call.
 * Pages hold their items in the field `items` and the reported total in `total`; a page without that list is
 * an `UnexpectedResponseError`.
 */
export function pagedList<Page, Item>(
  core: CoreClient,
  route: string,
  { query, ...parts }: CallParts,
  options: (RequestOptions & PageOptions) | undefined,
  items: string,
  total: string,
): PagedList<Page, Item> {
  const { skip, limit, ...filters } = (query ?? {}) as { skip?: number; limit?: number };
  const pageOptions = takesOrg(route, parts.org)
    ? { ...options, orgId: requireOrgId(core, options?.orgId) }
    : options;
  return new PagedList<Page, Item>(
    {
      name: route,
      fetchPage: (skip, limit) =>
        send(core, route, { ...parts, query: { ...filters, skip, limit } }, pageOptions, "object"),
      items: (page: any) => {
        const list = page[items];
        if (Array.isArray(list)) return list;
        const [method, path] = splitRoute(route);
        throw new UnexpectedResponseError({ method, path }, `a page without its "${items}" list`);
      },
      total: (page: any) => page[total],
    },
    { skip, limit, maxItems: options?.maxItems },
  );
}
