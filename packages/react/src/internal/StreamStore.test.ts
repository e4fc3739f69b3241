import type { ResponseStreamEvent } from "@sagefetch/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStreamStore } from "./StreamStore";

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` text parts, `batch` every `everyMs` (fake time). */
async function* parts(
  count: number,
  everyMs: number,
  batch = 1,
): AsyncGenerator<ResponseStreamEvent> {
  for (let i = 0; i < count; i++) {
    if (everyMs && i % batch === 0) await sleep(everyMs);
    yield { PayloadPart: { Bytes: encoder.encode(`${i},`) } };
  }
}

describe("createStreamStore", () => {
  // Fake timers drive performance.now(), setTimeout and requestAnimationFrame (16 ms frames).
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: [
        "setTimeout",
        "clearTimeout",
        "performance",
        "requestAnimationFrame",
        "cancelAnimationFrame",
      ],
    });
  });
  afterEach(() => vi.useRealTimers());

  it("publishes at most once per frame and per throttleMs, and the end at once", async () => {
    const store = createStreamStore({ format: "text" });
    let published = 0;
    store.subscribe(() => published++);
    // 5,000 parts in one second, 5 every millisecond.
    const done = store.run(async () => ({ Body: parts(5000, 1, 5) }));
    await vi.advanceTimersByTimeAsync(1100);
    await done;
    const { text, parts: pieces, status } = store.getSnapshot();
    expect(status).toBe("success");
    expect(pieces).toHaveLength(5000);
    expect(text.startsWith("0,1,2,")).toBe(true);
    // 20 ms apart on 16 ms frames: every other frame, ~31 in a second, plus the end.
    expect(published).toBeGreaterThan(25);
    expect(published).toBeLessThanOrEqual(36);
  });

  it("with throttleMs 0, publishes once per frame", async () => {
    const store = createStreamStore({ format: "text", throttleMs: 0 });
    let published = 0;
    store.subscribe(() => published++);
    const done = store.run(async () => ({ Body: parts(1000, 1) }));
    await vi.advanceTimersByTimeAsync(1100);
    await done;
    // ~1 s of 16 ms frames: about 63, never one per part.
    expect(published).toBeGreaterThan(50);
    expect(published).toBeLessThanOrEqual(70);
  });

  it("measures time to first token and tokens per second", async () => {
    const store = createStreamStore({ format: "text" });
    const done = store.run(async () => {
      await sleep(250);
      return { Body: parts(11, 100) };
    });
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    const { timeToFirstTokenMs, tokensPerSecond } = store.getSnapshot();
    expect(timeToFirstTokenMs).toBeCloseTo(350, -1);
    // 10 tokens after the first, in 1 s.
    expect(tokensPerSecond).toBeCloseTo(10, 0);
  });

  it("measures the duration: to the latest publication while streaming, to the end once ended", async () => {
    const store = createStreamStore({ format: "text" });
    expect(store.getSnapshot().durationMs).toBeUndefined();
    const done = store.run(async () => {
      await sleep(100);
      return { Body: parts(10, 100) };
    });
    await vi.advanceTimersByTimeAsync(520);
    const midway = store.getSnapshot().durationMs as number;
    expect(store.getSnapshot().status).toBe("streaming");
    expect(midway).toBeGreaterThan(400);
    expect(midway).toBeLessThanOrEqual(520);
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(store.getSnapshot().durationMs).toBeCloseTo(1100, -1);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getSnapshot().durationMs).toBeCloseTo(1100, -1);
    store.reset();
    expect(store.getSnapshot().durationMs).toBeUndefined();
  });

  it("keeps what arrived when aborted, and ignores what the aborted stream still sends", async () => {
    const store = createStreamStore({ format: "text" });
    const done = store.run(async () => ({ Body: parts(100, 10) }));
    await vi.advanceTimersByTimeAsync(55);
    store.abort();
    expect(store.getSnapshot()).toMatchObject({ status: "aborted", error: null });
    const kept = store.getSnapshot().parts.length;
    expect(kept).toBeGreaterThan(3);
    await vi.advanceTimersByTimeAsync(200);
    await done;
    expect(store.getSnapshot().parts).toHaveLength(kept);
  });

  it("a new run supersedes the running one", async () => {
    const store = createStreamStore({ format: "text" });
    const first = store.run(async () => ({ Body: parts(100, 10) }));
    await vi.advanceTimersByTimeAsync(35);
    const second = store.run(async () => ({ Body: parts(2, 1) }));
    await vi.advanceTimersByTimeAsync(1500);
    await Promise.all([first, second]);
    expect(store.getSnapshot()).toMatchObject({ text: "0,1,", status: "success" });
  });

  it("reset goes back to idle and empty", async () => {
    const store = createStreamStore({ format: "text" });
    const done = store.run(async () => ({ Body: parts(3, 0) }));
    await vi.advanceTimersByTimeAsync(50);
    await done;
    store.reset();
    expect(store.getSnapshot()).toMatchObject({ text: "", parts: [], status: "idle" });
  });

  it("an error keeps the text that arrived before it", async () => {
    const store = createStreamStore({ format: "text" });
    async function* failing(): AsyncGenerator<ResponseStreamEvent> {
      yield* parts(2, 0);
      throw Object.assign(new Error("overloaded"), { name: "ModelStreamError" });
    }
    await store.run(async () => ({ Body: failing() }));
    expect(store.getSnapshot()).toMatchObject({
      text: "0,1,",
      status: "error",
      error: { name: "ModelStreamError" },
    });
  });
});
