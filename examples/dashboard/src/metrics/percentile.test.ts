import { describe, expect, it } from "vitest";
import type { CallRecord } from "../history/callRecord";
import { latencySeries, SHOWN, WINDOW } from "./latencySeries";
import { percentile } from "./percentile";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = [15, 20, 35, 40, 50];
    expect([5, 30, 40, 50, 100].map((p) => percentile(values, p))).toEqual([15, 20, 20, 35, 50]);
  });

  it("does not care about order, and has no value for no values", () => {
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([], 95)).toBeUndefined();
  });
});

const call = (id: number, durationMs: number, extra: Partial<CallRecord> = {}): CallRecord => ({
  id,
  kind: "invoke",
  request: { endpointName: "echo", contentType: "text/plain", body: "hi" },
  startedAt: 0,
  durationMs,
  outcome: "ok",
  ...extra,
});

describe("latencySeries", () => {
  it("gives each call the p50/p95 of the calls up to it", () => {
    const points = latencySeries([
      call(1, 10),
      call(2, 30),
      call(3, 20, { outcome: "ModelError" }),
    ]);
    expect(points.map((p) => [p.call, p.latencyMs, p.p50, p.p95])).toEqual([
      [1, 10, 10, 10],
      [2, 30, 10, 30],
      [3, 20, 20, 30],
    ]);
  });

  it("leaves out aborted calls, keeps time to first token of streams", () => {
    const points = latencySeries([
      call(1, 5, { outcome: "aborted" }),
      call(2, 800, { kind: "stream", timeToFirstTokenMs: 42.04 }),
    ]);
    expect(points).toEqual([{ call: 2, endpointName: "echo", ttftMs: 42 }]);
  });

  it("never mixes a whole stream's duration into the invoke latencies", () => {
    const points = latencySeries([
      call(1, 10),
      call(2, 5000, { kind: "stream", timeToFirstTokenMs: 30 }),
      call(3, 20),
    ]);
    expect(points).toEqual([
      { call: 1, endpointName: "echo", latencyMs: 10, p50: 10, p95: 10 },
      { call: 2, endpointName: "echo", ttftMs: 30 },
      { call: 3, endpointName: "echo", latencyMs: 20, p50: 10, p95: 20 },
    ]);
  });

  it(`shows the last ${SHOWN} calls, each over a window of ${WINDOW}`, () => {
    const calls = Array.from({ length: 50 }, (_, i) => call(i + 1, i + 1));
    const points = latencySeries(calls);
    expect(points).toHaveLength(SHOWN);
    const last = points.at(-1);
    // Calls 31–50: p50 is the 10th of 20, p95 the 19th.
    expect([last?.call, last?.p50, last?.p95]).toEqual([50, 40, 49]);
  });
});
