import { describe, expect, it } from "vitest";
import { parseNewSessionId } from "./parseNewSessionId";

describe("parseNewSessionId", () => {
  it.each([
    ["abc-123; Expires=2026-11-24T13:00:00Z", "abc-123", "2026-11-24T13:00:00.000Z"],
    ["abc;Expires=2026-11-24T13:00:00Z", "abc", "2026-11-24T13:00:00.000Z"],
    ["  abc ;  expires = 2026-11-24T13:00:00Z  ", "abc", "2026-11-24T13:00:00.000Z"],
    ["abc; Path=/; Expires=2026-11-24T13:00:00.500Z", "abc", "2026-11-24T13:00:00.500Z"],
    ["abc", "abc", undefined],
    ["abc; Expires=someday", "abc", undefined],
    ["abc; Expires=Tue, 24 Nov 2026 13:00:00 GMT", "abc", "2026-11-24T13:00:00.000Z"],
    ["abc; Expires=2026-11-24T14:00:00+01:00", "abc", "2026-11-24T13:00:00.000Z"],
    // Found by test/fuzz/newSessionId.fuzz.test.ts: Date.parse read these as dates in 2001,
    // so a session looked expired at once.
    ["abc; Expires=1", "abc", undefined],
    ["abc; Expires=session 2", "abc", undefined],
  ])("%j", (value, id, expires) => {
    const info = parseNewSessionId(value);
    expect(info.id).toBe(id);
    expect(info.expiresAt?.toISOString()).toBe(expires);
  });

  it("refuses a value with no id", () => {
    expect(() => parseNewSessionId("; Expires=2026-11-24T13:00:00Z")).toThrow(TypeError);
    expect(() => parseNewSessionId("")).toThrow(TypeError);
  });
});
