import { describe, expect, it } from "vitest";
import { endpointOf, formatLogLine } from "./log";

describe("formatLogLine", () => {
  it("gives five space-separated fields, escaping spaces and control characters", () => {
    const line = formatLogLine({
      method: "POST",
      path: "/endpoints/a%20b/invocations",
      status: 200,
      ms: 12.4,
      endpoint: endpointOf("/endpoints/a%20b/invocations"),
    });
    expect(line).toBe("POST /endpoints/a%20b/invocations 200 12ms a\\x20b");
    expect(
      formatLogLine({ method: "GET", path: "/x\ny", status: 0, ms: 0, endpoint: undefined }),
    ).toBe("GET /x\\x0ay 0 0ms -");
  });
});
