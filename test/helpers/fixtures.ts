import createClient from "openapi-fetch";
import type { CoreClient } from "../../src/core.js";
import type { paths } from "../../src/generated/schema.js";
import type { Clock } from "../../src/helpers/clock.js";
import { createHelpers } from "../../src/helpers/index.js";
import type { TestedHelper } from "../fixtures/operations.js";
import { startFakeApi, type FakeApi, type FakeApiOptions } from "../servers/fake-api.js";

export { withHelpers } from "../fixtures/operations.js";

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
  helpers: TestedHelpers<ReturnType<typeof createHelpers>>;
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
  return { fake, clock, core, helpers: tested(createHelpers(core, clock)) };
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

type NamespaceOf<Name> = Name extends `${infer Namespace}.${string}` ? Namespace : never;
type MethodsOf<Name, Namespace extends string> = Name extends `${Namespace}.${infer Method}` ? Method : never;
type Members<H, Key> = Key extends keyof H ? H[Key] : unknown;
type LooseHelper = (...args: any[]) => any;

/**
 * Helpers as the tests call them: today's generated helpers, typed as generated, plus each helper of
 * test/fixtures/operations.ts that the docs no longer have, typed loosely. Its tests skip (`withHelpers`), and the
 * test files still compile, so that the docs-sync run that dropped it passes.
 */
export type TestedHelpers<H> = {
  [Key in keyof H | NamespaceOf<TestedHelper>]: Members<H, Key> & {
    [
      Method in MethodsOf<TestedHelper, Key & string> as Method extends keyof Members<H, Key> ? never : Method
    ]: LooseHelper;
  };
};

export const tested = <H>(helpers: H) => helpers as TestedHelpers<H>;
