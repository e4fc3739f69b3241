import { afterEach, describe, expect, it, vi } from "vitest";
import { onDeadline, sharesTimers } from "./deadlines";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.useRealTimers();
});

// Node and Chromium run these on the shared timers, workerd and the edge runtime on a timer
// per deadline: the same behaviour is asked of both.
describe("onDeadline", () => {
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

  it("expires deadlines of one limit in the order they were set, skipping cancelled ones", async () => {
    const order: number[] = [];
    const cancels: (() => void)[] = [];
    for (let i = 0; i < 5; i++) {
      cancels.push(onDeadline(30, () => order.push(i)));
      await wait(5);
    }
    cancels[2]?.();
    await wait(80);
    expect(order).toEqual([0, 1, 3, 4]);
  });

  it("keeps limits apart: a short one set after a long one expires first", async () => {
    const order: string[] = [];
    onDeadline(60, () => order.push("long"));
    onDeadline(10, () => order.push("short"));
    await wait(40);
    expect(order).toEqual(["short"]);
    await wait(60);
    expect(order).toEqual(["short", "long"]);
  });

  it("still expires on real timers after fake timers came and went", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const underFake = vi.fn();
    onDeadline(25, underFake);
    vi.useRealTimers();
    const underReal = vi.fn();
    onDeadline(25, underReal);
    await wait(80);
    // The deadline set under fake timers may wait for them (a timer per deadline does).
    expect(underReal).toHaveBeenCalledTimes(1);
  });
});

describe("onDeadline under fake timers", () => {
  it("expires a pending deadline when the test runs all timers, as a timer per attempt did", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
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
  it("shares where timers outlive requests, not in workerd or unknown runtimes", () => {
    expect(sharesTimers("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36")).toBe(
      true,
    );
    expect(sharesTimers("Node.js/24")).toBe(true);
    expect(sharesTimers("Deno/2.5.0")).toBe(true);
    expect(sharesTimers("Bun/1.3.0")).toBe(true);
    expect(sharesTimers("Cloudflare-Workers")).toBe(false);
    expect(sharesTimers(undefined)).toBe(false);
  });
});
