import { describe, expect, it } from "vitest";
import { StreamSettings } from "./StreamSettings";

describe("StreamSettings", () => {
  it("starts from the options, changes, and resets to them", () => {
    const settings = new StreamSettings({ chunking: [3, 5], delayMs: 10 });
    expect(settings.chunking).toEqual([3, 5]);
    settings.set({ chunking: "byte" }).delayMs = 0;
    expect([settings.chunking, settings.delayMs]).toEqual(["byte", 0]);
    settings.reset();
    expect([settings.chunking, settings.delayMs]).toEqual([[3, 5], 10]);
    expect(new StreamSettings().chunking).toBe("whole");
  });

  it("refuses settings that mean nothing", () => {
    const settings = new StreamSettings();
    expect(() => settings.set({ chunking: [] })).toThrow(RangeError);
    expect(() => settings.set({ chunking: [2, 0] })).toThrow(RangeError);
    expect(() => settings.set({ chunking: [1.5] })).toThrow(RangeError);
    expect(() => settings.set({ chunking: "lines" as "whole" })).toThrow(/Unknown chunking/);
    expect(() => settings.set({ delayMs: -1 })).toThrow(RangeError);
    expect(() => new StreamSettings({ chunking: "coalesce", delayMs: Number.NaN })).toThrow();
  });
});
