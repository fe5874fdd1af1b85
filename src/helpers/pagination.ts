import { ConfigurationError } from "../errors.js";
import type { Build, Operation, RequestOptions } from "./options.js";

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

/** skip/limit of a list call; the rest of the page options go to `PagedList`. */
export type Paging = { skip?: number; limit?: number };

/**
 * A skip/limit-paged operation as a `PagedList`: `base` gives the path (and fixed params) of every page,
 * resolved now so that a missing organization fails at the call; `query` adds filters to each page's query.
 * Pages are `{ items, total }` unless `items` and `total` say otherwise.
 */
export function pagedList<Page, Item = Page extends { items: readonly (infer I)[] } ? I : never>(
  send: Operation<Page>,
  base: Build,
  { skip, limit, ...filters }: Paging & object,
  options: (RequestOptions & PageOptions) | undefined,
  items = (page: any): readonly Item[] => page.items,
  total = (page: any): number | null | undefined => page.total,
): PagedList<Page, Item> {
  const path = (base(send.org(options)).params as { path?: object } | undefined)?.path;
  return new PagedList(
    {
      name: send.operation,
      fetchPage: (skip, limit) =>
        send(() => ({ params: { path, query: { ...filters, skip, limit } } }), options),
      items,
      total,
    },
    { skip, limit, maxItems: options?.maxItems },
  );
}
