import type { CoreClient } from "../core.js";
import { pagedList, type PagedList, type PageOptions } from "./pagination.js";
import { send, type CallParts, type RequestOptions } from "./send.js";

const CORE = Symbol("codegen-api.core");

/**
 * What the generated helper classes extend: each instance is one namespace of one client (`client.agentRuns`)
 * and holds nothing but the client's core (under a symbol, so it can never clash with a helper's name). The
 * helpers themselves are defined once, on the classes, and cost a client nothing.
 */
export class Resource {
  readonly [CORE]: CoreClient;

  constructor(core: CoreClient) {
    this[CORE] = core;
  }
}

/** A helper's call of one operation (see `send`). */
export function call<T>(
  resource: Resource,
  route: string,
  parts: CallParts,
  options?: RequestOptions,
): Promise<T> {
  return send(coreOf(resource), route, parts, options);
}

/** A helper's call of a skip/limit-paged operation whose pages hold their items in `items`, the total in `total`. */
export function list<Page, Item>(
  resource: Resource,
  route: string,
  parts: CallParts,
  options: (RequestOptions & PageOptions) | undefined,
  items: string,
  total: string,
): PagedList<Page, Item> {
  return pagedList(coreOf(resource), route, parts, options, items, total);
}

function coreOf(resource: Resource | undefined): CoreClient {
  // A method taken off its namespace (`const { get } = client.agentRuns`) has no `this`: say what to do instead.
  if (!resource?.[CORE])
    throw new TypeError(
      "A helper was called without its namespace: call it as client.<namespace>.<method>(…) or bind it",
    );
  return resource[CORE];
}
