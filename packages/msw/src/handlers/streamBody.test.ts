// Chunking, pacing, stream faults and backpressure of streamed answers. The handler-level
// tests read the mock's own body stream (msw's getResponse, as in workerd or a service worker);
// the others go through fetch and MSW's Node interceptor, as a client's tests do.

import { decodeMessages, readEventStream } from "@sagefetch/testing/eventStream";
import { getResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { sageMakerHandlers } from "../index";
import { concatBytes, fromUtf8 } from "../internal/bytes";
import { sleep } from "../internal/sleep";
import { invoke, STREAM_ACTION, signedInvoke, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

const WORDS = ["one", "two", "three", "four", "five"];
let produced = 0;
let finished = false;
let gate = newGate();

/** A promise the test resolves by hand. */
function newGate(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: {
    words: () => ({ stream: WORDS }),
    counted: () => ({
      stream: (async function* () {
        try {
          for (const word of WORDS) {
            produced++;
            yield word;
          }
        } finally {
          finished = true;
        }
      })(),
    }),
    gated: () => ({
      stream: (async function* () {
        yield "before";
        yield "the gate";
        await gate.promise;
        yield "after";
      })(),
    }),
  },
});
serveMock(mock);
afterEach(() => {
  produced = 0;
  finished = false;
  gate = newGate();
});

/** The mock's answer itself, without a network layer between. */
async function answer(name: string): Promise<Response> {
  const response = await getResponse(
    mock.handlers,
    await signedInvoke(name, { action: STREAM_ACTION }),
  );
  if (response === undefined) throw new Error("no answer");
  return response;
}

const payloads = (read: { messages: { payload: Uint8Array }[] }) =>
  read.messages.map((m) => fromUtf8(m.payload));

describe("chunking", () => {
  it("whole (default): each chunk is exactly one message", async () => {
    const read = await readEventStream((await answer("words")).body);
    expect(read.chunks.map((c) => decodeMessages(c).length)).toEqual([1, 1, 1, 1, 1]);
    expect(payloads(read)).toEqual(WORDS);
  });

  it("byte: one byte per chunk", async () => {
    mock.stream.chunking = "byte";
    const read = await readEventStream((await answer("words")).body);
    expect(new Set(read.chunks.map((c) => c.length))).toEqual(new Set([1]));
    expect(payloads(read)).toEqual(WORDS);
  });

  it("sizes: cycled through, cutting across messages", async () => {
    mock.stream.set({ chunking: [5, 17] });
    const read = await readEventStream((await answer("words")).body);
    const sizes = read.chunks.map((c) => c.length);
    expect(sizes.slice(0, -1)).toEqual(sizes.slice(0, -1).map((_, i) => (i % 2 === 0 ? 5 : 17)));
    expect(payloads(read)).toEqual(WORDS);
  });

  it("coalesce: every message in one chunk", async () => {
    mock.stream.chunking = "coalesce";
    const read = await readEventStream((await answer("words")).body);
    expect(read.chunks).toHaveLength(1);
    expect(payloads(read)).toEqual(WORDS);
  });

  it("delayMs paces the chunks; reset() restores the options'", async () => {
    mock.stream.delayMs = 25;
    const start = performance.now();
    await readEventStream((await answer("words")).body);
    expect(performance.now() - start).toBeGreaterThanOrEqual(4 * 25 - 5);
    mock.reset();
    expect([mock.stream.chunking, mock.stream.delayMs]).toEqual(["whole", 0]);
  });

  it("any chunking decodes the same through fetch", async () => {
    for (const chunking of ["byte", [3, 1, 40], "coalesce"] as const) {
      mock.stream.chunking = chunking;
      const read = await readEventStream((await invoke("words", { action: STREAM_ACTION })).body);
      expect({ chunking, words: payloads(read), error: read.error }).toEqual({
        chunking,
        words: WORDS,
        error: undefined,
      });
    }
  });
});

describe("stream faults", () => {
  it("cutStream: the body fails after n parts, through fetch as a dropped connection", async () => {
    mock.faults.cutStream(2);
    const read = await readEventStream((await invoke("words", { action: STREAM_ACTION })).body);
    expect(payloads(read)).toEqual(["one", "two"]);
    expect(read.error).toBeInstanceOf(TypeError);
    expect(mock.requests[0]?.streamedParts).toBe(2);
    mock.faults.cutStream(0);
    const none = await readEventStream((await answer("words")).body);
    expect([none.messages, none.error?.message]).toEqual([[], "terminated"]);
  });

  it.each([
    ["prelude", "Prelude checksum mismatch"],
    ["message", "Message checksum mismatch"],
  ] as const)("corruptStream(1, %s): message 1's %s CRC is wrong", async (where, error) => {
    mock.faults.corruptStream(1, where);
    const read = await readEventStream((await invoke("words", { action: STREAM_ACTION })).body);
    expect(payloads(read)).toEqual(["one"]);
    expect(read.error?.message).toBe(error);
  });

  it("truncateStream: the body ends cleanly in the middle of the next message", async () => {
    mock.faults.truncateStream(3);
    const response = await invoke("words", { action: STREAM_ACTION });
    const read = await readEventStream(response.body);
    expect(payloads(read)).toEqual(["one", "two", "three"]);
    expect(read.error?.message).toBe("Truncated message");
    expect(mock.requests[0]?.streamedParts).toBe(3);
  });

  it("are taken by the next streamed answer only, after the faults before it", async () => {
    mock.faults.throttle(1).cutStream(1);
    expect((await invoke("words")).status).toBe(400);
    expect((await invoke("words")).status).toBe(200);
    expect(mock.faults.size).toBe(1);
    const read = await readEventStream((await invoke("words", { action: STREAM_ACTION })).body);
    expect([payloads(read), mock.faults.size]).toEqual([["one"], 0]);
  });

  it("refuse counts that are not counts", () => {
    expect(() => mock.faults.cutStream(-1)).toThrow(RangeError);
    expect(() => mock.faults.truncateStream(1.5)).toThrow(RangeError);
  });
});

describe("backpressure", () => {
  it("produces parts only as the reader asks, and stops the model on cancel", async () => {
    const reader = (await answer("counted")).body?.getReader();
    await sleep(20);
    expect(produced).toBe(0);
    await reader?.read();
    await sleep(20);
    expect(produced).toBe(1);
    await reader?.read();
    await sleep(20);
    expect(produced).toBe(2);
    await reader?.cancel();
    expect([produced, finished]).toEqual([2, true]);
  });

  it("delivers parts before the model's stream has ended", async () => {
    const response = await invoke("gated", { action: STREAM_ACTION });
    const reader = response.body?.getReader();
    const received: Uint8Array[] = [];
    while (decodeMessages(concatBytes(received)).length < 2) {
      const { value } = (await reader?.read()) ?? {};
      if (value) received.push(value);
    }
    expect(decodeMessages(concatBytes(received)).map((m) => fromUtf8(m.payload))).toEqual([
      "before",
      "the gate",
    ]);
    expect(mock.requests[0]?.streamedParts).toBe(2);
    gate.resolve();
    for (;;) {
      const { done, value } = (await reader?.read()) ?? { done: true };
      if (done) break;
      if (value) received.push(value);
    }
    expect(decodeMessages(concatBytes(received)).map((m) => fromUtf8(m.payload))).toEqual([
      "before",
      "the gate",
      "after",
    ]);
  });
});
