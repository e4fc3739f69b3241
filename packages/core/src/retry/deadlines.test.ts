import { afterEach, describe, expect, it, vi } from "vitest";
import { eachDeadlineWay } from "./__fixtures__/eachDeadlineWay";
import { onDeadline, setSharedDeadlines, sharesTimers } from "./deadlines";

const realSetTimeout = setTimeout;
const wait = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

eachDeadlineWay("onDeadline", () => {
  it("expires once, when the time is up and not before", async () => {
    const expired = vi.fn();
    onDeadline(40, expired);
    await wait(10);
    expect(expired).not.toHaveBeenCalled();
    await wait(80);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it("never expires a deadline cancelled in time", async () => {
    const expired = vi.fn();
    onDeadline(20, expired)();
    await wait(60);
    expect(expired).not.toHaveBeenCalled();
  });

  it("expires deadlines of one limit in the order they were set, skipping cancelled ones", () => {
    // On fake time: on real time, a busy machine can let them expire before the cancel.
    vi.useFakeTimers();
    const order: number[] = [];
    const cancels: (() => void)[] = [];
    for (let i = 0; i < 5; i++) {
      cancels.push(onDeadline(100, () => order.push(i)));
      vi.advanceTimersByTime(5);
    }
    cancels[2]?.();
    expect(order).toEqual([]);
    // Set at 0, 5, 10, 15 and 20 ms: at 107 ms the first two are due, the cancelled one never.
    vi.advanceTimersByTime(82);
    expect(order).toEqual([0, 1]);
    vi.advanceTimersByTime(200);
    expect(order).toEqual([0, 1, 3, 4]);
  });

  it("keeps limits apart: a short one set after a long one expires first", async () => {
    const order: string[] = [];
    onDeadline(150, () => order.push("long"));
    onDeadline(10, () => order.push("short"));
    await wait(60);
    expect(order).toEqual(["short"]);
    await wait(150);
    expect(order).toEqual(["short", "long"]);
  });

  it("keeps time when an expiring deadline sets another one", async () => {
    const order: string[] = [];
    const start = performance.now();
    onDeadline(60, () => {
      order.push("first");
      onDeadline(60, () => order.push("set while expiring"));
    });
    await wait(15);
    onDeadline(60, () => order.push("second"));
    // "second" is due at about 75 ms, the one set while expiring at about 120 ms.
    await wait(100 - (performance.now() - start));
    expect(order).toEqual(["first", "second"]);
    await wait(100);
    expect(order).toEqual(["first", "second", "set while expiring"]);
  });

  it("still ends deadlines set before fake timers came, and one set under them", async () => {
    const before: string[] = [];
    onDeadline(50, () => before.push("first"));
    await wait(20);
    onDeadline(50, () => before.push("second"));
    // Timers only: performance.now() keeps the real time, as with toFake lists that omit it.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const under = vi.fn();
    onDeadline(50, under);
    vi.advanceTimersByTime(50);
    expect(under).toHaveBeenCalledTimes(1);
    // Real time passes under fake timers: the deadlines set before them end on real ones.
    await new Promise((resolve) => realSetTimeout(resolve, 120));
    expect(before).toEqual(["first", "second"]);
  });

  it("ends deadlines on real timers again after fake timers went", async () => {
    vi.useFakeTimers();
    onDeadline(25, () => {});
    vi.useRealTimers();
    const underReal = vi.fn();
    onDeadline(25, underReal);
    await wait(80);
    expect(underReal).toHaveBeenCalledTimes(1);
  });

  it("expires calls in flight when a test runs all fake timers, as a timer per attempt does", () => {
    vi.useFakeTimers();
    const first = vi.fn();
    const second = vi.fn();
    onDeadline(70_000, first);
    vi.advanceTimersByTime(1000);
    onDeadline(70_000, second);
    vi.runAllTimers();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe("sharesTimers", () => {
  afterEach(() => {
    vi.useRealTimers();
    setSharedDeadlines(undefined);
  });

  it("shares in browsers only: not in Node, Deno, Bun, workerd or unknown runtimes", () => {
    expect(sharesTimers("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36")).toBe(
      true,
    );
    expect(
      sharesTimers("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"),
    ).toBe(true);
    expect(sharesTimers("Node.js/24")).toBe(false);
    expect(sharesTimers("Deno/2.5.0")).toBe(false);
    expect(sharesTimers("Bun/1.3.0")).toBe(false);
    expect(sharesTimers("Cloudflare-Workers")).toBe(false);
    expect(sharesTimers(undefined)).toBe(false);
  });

  it("never shares where zone.js runs: a pending timer would keep Angular from being stable", async () => {
    setSharedDeadlines(true);
    vi.stubGlobal("Zone", {});
    try {
      vi.useFakeTimers();
      const cancel = onDeadline(70_000, () => {});
      expect(vi.getTimerCount()).toBe(1);
      cancel();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
