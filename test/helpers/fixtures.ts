import createClient from "openapi-fetch";
import { it } from "vitest";
import surface from "../../src/generated/surface.json" with { type: "json" };
import type { CoreClient } from "../../src/core.js";
import type { paths } from "../../src/generated/schema.js";
import type { Clock } from "../../src/helpers/clock.js";
import { createHelpers } from "../../src/helpers/index.js";
import { startFakeApi, type FakeApi, type FakeApiOptions } from "../servers/fake-api.js";

/**
 * Simulated time shared by the fake API and the helpers: `sleep` advances it at once (after letting
 * pending I/O run), so a ten-minute run takes milliseconds and timings are exact.
 */
export class VirtualClock implements Clock {
  #now = Date.UTC(2025, 0, 1);
  readonly sleeps: number[] = [];
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    this.#now += ms;
  }
}

export interface Harness {
  fake: FakeApi;
  clock: VirtualClock;
  helpers: ReturnType<typeof createHelpers>;
  core: CoreClient;
}

/** A fake API plus helpers bound to it, both on one virtual clock. Close `fake` when done. */
export async function startHarness(
  options: FakeApiOptions & { clientOrgId?: number; clientToken?: string } = {},
): Promise<Harness> {
  const clock = new VirtualClock();
  const fake = await startFakeApi({ clock, ...options });
  const core: CoreClient = {
    api: createClient<paths>({
      baseUrl: fake.url,
      headers: { Authorization: `Bearer ${options.clientToken ?? "test"}` },
    }),
    orgId: options.clientOrgId ?? 1,
  };
  return { fake, clock, core, helpers: createHelpers(core, clock) };
}

/** The most requests to `route` that fall in any window of `windowMs` (closed on both ends). */
export function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! > windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/**
 * `it` for a test of particular helpers: skipped, and so reported, when the docs no longer have one of them, so
 * that an operation removed upstream shows in the change report instead of failing the docs-sync run.
 */
export const withHelpers = (...names: string[]) =>
  it.skipIf(names.some((name) => !(name in surface.helpers)));
