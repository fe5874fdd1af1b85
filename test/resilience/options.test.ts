import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/errors.js";
import createClient from "openapi-fetch";
import { withResilience } from "../../src/resilience/index.js";
import { scaledLimits } from "./helpers.js";

const create = (options: object) => () =>
  withResilience(
    (transport) => createClient({ baseUrl: "http://127.0.0.1:9", ...transport }),
    "http://127.0.0.1:9",
    {
      rateLimits: scaledLimits,
      ...options,
    },
  );

describe("option validation at client creation", () => {
  it.each([
    [{ maxRetries: -1 }, "Option `maxRetries` must be a whole number ≥ 0, got -1"],
    [{ maxRetries: 1.5 }, "Option `maxRetries` must be a whole number ≥ 0, got 1.5"],
    [{ timeout: 0 }, "Option `timeout` must be a number of milliseconds > 0, got 0"],
    [
      { backoff: { baseMs: Number.NaN } },
      "Option `backoff.baseMs` must be a number of milliseconds ≥ 0, got NaN",
    ],
    [{ throttle: "queue" }, 'Option `throttle` must be "wait", "fail" or false, got "queue"'],
  ])("%j is a ConfigurationError", (options, message) => {
    expect(create(options)).toThrow(new ConfigurationError(message));
  });

  it("rejects a group without a usable limit", () => {
    const rateLimits = { standard: { limit: 0, windowMs: 1000 } };
    expect(create({ rateLimits })).toThrow(/Rate-limit group "standard" needs a whole limit ≥ 1/);
  });

  it("rejects a bad per-request option when the request is made", async () => {
    const api = create({})();
    await expect(api.GET("/v1/users/me" as never, { maxRetries: -2 } as never)).rejects.toThrow(
      ConfigurationError,
    );
  });
});
