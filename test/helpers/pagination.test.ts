import { afterEach, describe, expect, it } from "vitest";
import { ConfigurationError, ServerError } from "../../src/errors.js";
import { PagedList } from "../../src/helpers/index.js";
import { startHarness, withHelpers, type Harness } from "./fixtures.js";

let harness: Harness;
afterEach(() => harness?.fake.close());

const queries = (route: string) =>
  harness.fake.requests
    .filter((r) => r.route === route)
    .map((r) => Object.fromEntries(new URL(r.url, "http://x").searchParams));

const USERS = "GET /v1/organizations/{org_id}/users";

describe("list iteration", () => {
  withHelpers("users.list")(
    "yields every item across pages of 100 and stops on the reported total",
    async () => {
      harness = await startHarness({ counts: { users: 250 } });

      const ids: number[] = [];
      for await (const user of harness.helpers.users.list()) ids.push(user.id);

      expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => 1000 + i));
      expect(queries(USERS)).toEqual([
        { skip: "0", limit: "100" },
        { skip: "100", limit: "100" },
        { skip: "200", limit: "100" },
      ]);
    },
  );

  withHelpers("repositories.list")(
    "awaits to the first page as the API returns it, and iteration reuses that page",
    async () => {
      harness = await startHarness({ counts: { repositories: 230 } });
      const list = harness.helpers.repositories.list();

      const first = await list;
      expect(first).toMatchObject({ total: 230, page: 1, size: 100, pages: 3 });
      expect(first.items).toHaveLength(100);

      expect(await list.toArray()).toHaveLength(230);
      expect(harness.fake.requests).toHaveLength(3);
    },
  );

  withHelpers("organizations.list")(
    "uses `limit` as the page size and `skip` as the starting offset",
    async () => {
      harness = await startHarness({ counts: { organizations: 105 } });

      const orgs = await harness.helpers.organizations.list({ skip: 10, limit: 40 }).toArray();

      expect(orgs.map((o) => o.id)).toEqual(Array.from({ length: 95 }, (_, i) => 11 + i));
      expect(queries("GET /v1/organizations").map((q) => q.skip)).toEqual(["10", "50", "90"]);
    },
  );

  withHelpers("users.list")("stops at maxItems and asks only for what is still wanted", async () => {
    harness = await startHarness({ counts: { users: 250 } });

    const users = await harness.helpers.users.list({}, { maxItems: 150 }).toArray();

    expect(users).toHaveLength(150);
    expect(queries(USERS)).toEqual([
      { skip: "0", limit: "100" },
      { skip: "100", limit: "50" },
    ]);
  });

  withHelpers("agentRuns.list")("applies an agent-run filter to every page", async () => {
    harness = await startHarness({ counts: { agentRuns: 330 } });

    const runs = await harness.helpers.agentRuns.list({ user_id: 1001 }).toArray();

    expect(runs).toHaveLength(110);
    expect(queries("GET /v1/organizations/{org_id}/agent/runs")).toEqual([
      { user_id: "1001", skip: "0", limit: "100" },
      { user_id: "1001", skip: "100", limit: "100" },
    ]);
  });

  withHelpers("agentRuns.logs")(
    "iterates a run's logs across pages; awaiting gives the run with its first page",
    async () => {
      harness = await startHarness();
      const id = harness.fake.addRun({
        timeline: [{ at: 0, status: "COMPLETE" }],
        logs: Array.from({ length: 130 }, (_, i) => ({
          at: 0,
          message_type: "ACTION",
          thought: `step ${i}`,
        })),
      });

      const first = await harness.helpers.agentRuns.logs(id);
      const all = await harness.helpers.agentRuns.logs(id).toArray();

      expect(first).toMatchObject({ id, status: "COMPLETE", total_logs: 130 });
      expect(first.logs).toHaveLength(100);
      expect(all.map((log) => log.thought)).toEqual(Array.from({ length: 130 }, (_, i) => `step ${i}`));
    },
  );

  withHelpers("users.list")("walks pages with pages()", async () => {
    harness = await startHarness({ counts: { users: 250 } });
    const sizes: number[] = [];
    for await (const page of harness.helpers.users.list().pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([100, 100, 50]);
  });

  withHelpers("users.list")("throws the typed error of a failing page mid-iteration", async () => {
    harness = await startHarness({ counts: { users: 250 } });
    harness.fake.failNext(USERS, 500);
    await expect(harness.helpers.users.list().toArray()).rejects.toBeInstanceOf(ServerError);
  });

  withHelpers("users.list").each([
    [{ limit: 0 }, "`limit` must be an integer from 1 to 100, got 0"],
    [{ limit: 101 }, "`limit` must be an integer from 1 to 100, got 101"],
    [{ skip: -1 }, "`skip` must be an integer from 0"],
  ])("refuses %o naming the operation, before any request", async (query, message) => {
    harness = await startHarness();
    expect(() => harness.helpers.users.list(query)).toThrow(ConfigurationError);
    expect(() => harness.helpers.users.list(query)).toThrow(
      `GET /v1/organizations/{org_id}/users: ${message}`,
    );
    expect(harness.fake.requests).toHaveLength(0);
  });
});

describe("PagedList without a total", () => {
  // Pages as a server that reports no total and caps pages at 30 items would return them.
  const source = Array.from({ length: 75 }, (_, i) => i);
  const skips: number[] = [];
  const list = () =>
    new PagedList(
      {
        name: "GET /items",
        fetchPage: async (skip: number, limit: number) => {
          skips.push(skip);
          return { items: source.slice(skip, skip + Math.min(limit, 30)) };
        },
        items: (page: { items: number[] }) => page.items,
        total: () => undefined,
      },
      {},
    );

  it("keeps going past short pages and stops on the first empty one", async () => {
    skips.length = 0;
    expect(await list().toArray()).toEqual(source);
    expect(skips).toEqual([0, 30, 60, 75]);
  });
});
