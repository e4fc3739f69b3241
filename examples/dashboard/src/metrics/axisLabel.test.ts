import { describe, expect, it } from "vitest";
import { axisLabel } from "./axisLabel";

describe("axisLabel", () => {
  it("says milliseconds below a second, seconds above, in six characters at most", () => {
    const labels = [0, 90, 999.4, 1000, 1500, 2250, 9960, 12_000, 95_000].map(axisLabel);
    expect(labels.map((label) => label.replace("\u00a0", " "))).toEqual([
      "0 ms",
      "90 ms",
      "999 ms",
      "1 s",
      "1.5 s",
      "2.3 s",
      "10 s",
      "12 s",
      "95 s",
    ]);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(6);
  });

  it("never leaves a space to wrap at", () => {
    expect([5, 5000].map(axisLabel).some((label) => label.includes(" "))).toBe(false);
  });
});
