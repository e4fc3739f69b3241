import { expect, it, vi } from "vitest";
import { eachDeadlineWay } from "./__fixtures__/eachDeadlineWay";
import { withAttemptSignal } from "./withAttemptSignal";

const describeCall = 'InvokeEndpoint on endpoint "e"';
/** An attempt that never ends and ignores its signal, as some fetch polyfills do. */
const deaf = () => new Promise<string>(() => {});

eachDeadlineWay("withAttemptSignal", () => {
  it("gives the attempt's value; its deadline and its listener end with it", async () => {
    const caller = new AbortController();
    const remove = vi.spyOn(caller.signal, "removeEventListener");
    let seen: AbortSignal | undefined;
    const value = await withAttemptSignal(caller.signal, 20, describeCall, async (signal) => {
      seen = signal;
      return "answer";
    });
    expect(value).toBe("answer");
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen?.aborted).toBe(false);
  });

  it("ends an attempt that ignores its signal with a TimeoutError when the time is up", async () => {
    vi.useFakeTimers();
    let seen: AbortSignal | undefined;
    const call = withAttemptSignal(undefined, 50, describeCall, (signal) => {
      seen = signal;
      return deaf();
    });
    const settled = expect(call).rejects.toMatchObject({
      name: "TimeoutError",
      timeoutMs: 50,
      message: `${describeCall} took longer than requestTimeout (50 ms).`,
    });
    await vi.advanceTimersByTimeAsync(50);
    await settled;
    expect(seen?.aborted).toBe(true);
  });

  it("ends it with an AbortError at once when the caller aborts, the reason as cause", async () => {
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    const call = withAttemptSignal(caller.signal, 0, describeCall, (signal) => {
      seen = signal;
      return deaf();
    });
    caller.abort("changed my mind");
    await expect(call).rejects.toMatchObject({ name: "AbortError", cause: "changed my mind" });
    expect(seen?.reason).toBe("changed my mind");
  });

  it("does not start an attempt for a caller that aborted already", async () => {
    const run = vi.fn(async () => "never");
    const call = withAttemptSignal(AbortSignal.abort(), 1000, describeCall, run);
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(run).not.toHaveBeenCalled();
  });

  it("passes the attempt's own error on, and a late abort changes nothing", async () => {
    const caller = new AbortController();
    const failure = new TypeError("Failed to fetch");
    let seen: AbortSignal | undefined;
    const call = withAttemptSignal(caller.signal, 20, describeCall, async (signal) => {
      seen = signal;
      throw failure;
    });
    await expect(call).rejects.toBe(failure);
    caller.abort();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen?.aborted).toBe(false);
  });

  it("turns an attempt that throws before its promise into a rejection", async () => {
    const failure = new Error("thrown at once");
    const call = withAttemptSignal(undefined, 50, describeCall, () => {
      throw failure;
    });
    await expect(call).rejects.toBe(failure);
  });
});
