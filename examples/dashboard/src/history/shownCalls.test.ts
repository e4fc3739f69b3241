import { describe, expect, it } from "vitest";
import type { CallRecord } from "./callRecord";
import { shownCalls } from "./shownCalls";

const log = (from: number, to: number): CallRecord[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    id: from + i,
    kind: "invoke",
    request: { endpointName: "echo", contentType: "text/plain", body: "hi" },
    startedAt: 0,
    durationMs: 1,
    outcome: "ok",
  }));

describe("shownCalls", () => {
  it("shows every call, newest first, with no note while they fit", () => {
    const shown = shownCalls(log(1, 3), 25);
    expect(shown.calls.map((c) => c.id)).toEqual([3, 2, 1]);
    expect(shown.note).toBeUndefined();
  });

  it("says how many older calls are hidden", () => {
    const shown = shownCalls(log(1, 57), 25);
    expect(shown.calls.map((c) => c.id).slice(0, 2)).toEqual([57, 56]);
    expect(shown.calls).toHaveLength(25);
    expect(shown.note).toBe("Showing the newest 25 of 57 calls (32 older hidden).");
  });

  it("counts the calls the log no longer keeps", () => {
    // The log keeps the last 100 of 150 calls.
    expect(shownCalls(log(51, 150), 25).note).toBe(
      "Showing the newest 25 of 150 calls (125 older hidden).",
    );
  });
});
