import { describe, expect, it } from "vitest";
import { createOperationMatcher, pathOf } from "../../src/resilience/operations-match.js";

const match = createOperationMatcher(
  {
    "GET /v1/organizations/{org_id}/agent/run/{agent_run_id}": "standard",
    "POST /v1/organizations/{org_id}/agent/run/ban": "standard",
    "POST /v1/organizations/{org_id}/agent/run/{agent_run_id}": "made-up",
    "POST /v1/organizations/{org_id}/agent/run": "agent-creation",
    "POST /v1/organizations/{org_id}/setup-commands/generate": "setup-commands",
  },
  { baseUrl: "https://proxy.example/codegen/", fallbackGroup: "standard" },
);

describe("operation matching", () => {
  it("maps a concrete URL to its template and group, behind the baseUrl's path prefix", () => {
    expect(match("POST", "https://proxy.example/codegen/v1/organizations/12/agent/run")).toEqual({
      operation: { method: "POST", path: "/v1/organizations/{org_id}/agent/run" },
      group: "agent-creation",
    });
  });

  it("prefers a literal segment over a parameter", () => {
    const url = "https://proxy.example/codegen/v1/organizations/12/agent/run/ban";
    expect(match("POST", url).operation.path).toBe("/v1/organizations/{org_id}/agent/run/ban");
    expect(match("POST", url.replace("ban", "42")).group).toBe("made-up");
  });

  it("ignores query, fragment and a trailing slash; the method must match", () => {
    const url = "https://proxy.example/codegen/v1/organizations/1/setup-commands/generate/?a=1#x";
    expect(match("POST", url).group).toBe("setup-commands");
    expect(match("GET", url)).toEqual({
      operation: { method: "GET", path: "/v1/organizations/1/setup-commands/generate/" },
      group: "standard",
    });
  });

  it("keeps the concrete path of an unknown operation and gives it the fallback group", () => {
    expect(match("GET", "https://proxy.example/codegen/v2/new")).toEqual({
      operation: { method: "GET", path: "/v2/new" },
      group: "standard",
    });
  });

  it("rejects a malformed table key", () => {
    expect(() => createOperationMatcher({ "/v1/users": "standard" }, { fallbackGroup: "standard" })).toThrow(
      /"\/v1\/users" is not "METHOD \/path\/template"/,
    );
  });

  it("pathOf reads the path of absolute and relative URLs", () => {
    expect(pathOf("http://127.0.0.1:9/v1/x?y=1")).toBe("/v1/x");
    expect(pathOf("http://127.0.0.1:9")).toBe("/");
    expect(pathOf("/v1/x#frag")).toBe("/v1/x");
  });
});
