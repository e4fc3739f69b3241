// Property tests of the event-stream decoder: random messages, cut at random, corrupted at
// random. Never a hang or a crash: the same messages as decoding the whole buffer at once, and
// every failure an EventStreamError after the messages that arrived intact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventStreamDecoder } from "../../src/eventstream/EventStreamDecoder";
import { EventStreamError } from "../../src/eventstream/EventStreamError";
import { EventStreamReader } from "../../src/eventstream/EventStreamReader";
import { settleAll } from "../faults/support";
import { referenceCrc32 } from "../harness/eventStreamFrame";
import {
  chunk,
  chunkSizes,
  comparable,
  concat,
  type MessageCase,
  message,
  RUNS,
} from "./arbitraries";

type Expected = MessageCase["expected"];

interface Decoded {
  messages: Expected[];
  error: unknown;
}

/** Feeds the chunks to a decoder, keeping what it gave until it threw (if it did). */
function decodeChunks(chunks: Uint8Array[]): Decoded {
  const decoder = new EventStreamDecoder();
  const messages: Expected[] = [];
  try {
    for (const c of chunks) for (const m of decoder.push(c)) messages.push(comparable(m));
    decoder.end();
    return { messages, error: undefined };
  } catch (error) {
    return { messages, error };
  }
}

/** What a failure looks like once compared: its class and fault, nothing else. */
const failureOf = (error: unknown) =>
  error === undefined
    ? undefined
    : { typed: error instanceof EventStreamError, fault: (error as EventStreamError).fault };

const streams = fc.array(message, { minLength: 1, maxLength: 5 });

describe("EventStreamDecoder, property-based", () => {
  it("intact messages: the same however they are cut, and as they were encoded", () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 5 }), chunkSizes, (messages, sizes) => {
        const bytes = concat(messages.map((m) => m.bytes));
        const whole = decodeChunks([bytes]);
        expect(whole).toEqual({ messages: messages.map((m) => m.expected), error: undefined });
        expect(decodeChunks(chunk(bytes, sizes))).toEqual(whole);
      }),
      RUNS,
    );
  });

  it("one corrupt byte: the messages before it, then a checksum error, cut or whole", () => {
    fc.assert(
      fc.property(
        streams,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        chunkSizes,
        (messages, which, offset, mask, sizes) => {
          const k = which % messages.length;
          const target = messages[k] as MessageCase;
          const at = messages.slice(0, k).reduce((n, m) => n + m.bytes.length, 0);
          const bytes = concat(messages.map((m) => m.bytes));
          const i = at + (offset % target.bytes.length);
          bytes[i] = (bytes[i] as number) ^ mask;
          const whole = decodeChunks([bytes]);
          expect(whole.messages).toEqual(messages.slice(0, k).map((m) => m.expected));
          expect(whole.error).toBeInstanceOf(EventStreamError);
          expect(["prelude-checksum", "message-checksum"]).toContain(
            (whole.error as EventStreamError).fault,
          );
          const cut = decodeChunks(chunk(bytes, sizes));
          expect(cut.messages).toEqual(whole.messages);
          expect(failureOf(cut.error)).toEqual(failureOf(whole.error));
        },
      ),
      RUNS,
    );
  });

  it("a stream that stops anywhere: the whole messages before, then a truncated error", () => {
    fc.assert(
      fc.property(streams, fc.nat(), chunkSizes, (messages, stop, sizes) => {
        const bytes = concat(messages.map((m) => m.bytes));
        const end = stop % (bytes.length + 1);
        let boundary = 0;
        const complete: Expected[] = [];
        for (const m of messages) {
          if (boundary + m.bytes.length > end) break;
          boundary += m.bytes.length;
          complete.push(m.expected);
        }
        const got = decodeChunks(chunk(bytes.subarray(0, end), sizes));
        expect(got.messages).toEqual(complete);
        if (end === boundary) expect(got.error).toBeUndefined();
        else expect(got.error).toMatchObject({ name: "EventStreamError", fault: "truncated" });
      }),
      RUNS,
    );
  });

  it("random bytes: nothing, or an EventStreamError; never another error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), chunkSizes, (bytes, sizes) => {
        const got = decodeChunks(chunk(bytes, sizes));
        expect(got.error).toBeInstanceOf(EventStreamError);
        expect(failureOf(decodeChunks([bytes]).error)).toEqual(failureOf(got.error));
      }),
      RUNS,
    );
  });

  it("checksummed frames around random header bytes: a message or a headers error", () => {
    // Valid preludes and checksums around garbage: the header parser itself is fuzzed.
    const frame = (headers: Uint8Array, payload: Uint8Array) => {
      const out = concat([new Uint8Array(12), headers, payload, new Uint8Array(4)]);
      const view = new DataView(out.buffer);
      view.setUint32(0, out.length);
      view.setUint32(4, headers.length);
      view.setUint32(8, referenceCrc32(out.subarray(0, 8)));
      view.setUint32(out.length - 4, referenceCrc32(out.subarray(0, out.length - 4)));
      return out;
    };
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 120 }),
        fc.uint8Array({ maxLength: 40 }),
        chunkSizes,
        (headers, payload, sizes) => {
          const got = decodeChunks(chunk(frame(headers, payload), sizes));
          if (got.error === undefined) {
            expect(got.messages).toHaveLength(1);
            expect(got.messages[0]?.payload).toEqual(Array.from(payload));
          } else {
            expect(got.messages).toEqual([]);
            expect(got.error).toMatchObject({ name: "EventStreamError", fault: "headers" });
          }
        },
      ),
      RUNS,
    );
  });

  it("a checksummed prelude with any lengths: a length error, or a wait for the bytes", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        fc.uint8Array({ maxLength: 64 }),
        (total, headersLength, rest) => {
          const prelude = new Uint8Array(12);
          const view = new DataView(prelude.buffer);
          view.setUint32(0, total);
          view.setUint32(4, headersLength);
          view.setUint32(8, referenceCrc32(prelude.subarray(0, 8)));
          const got = decodeChunks([prelude, rest]);
          expect(got.error).toBeInstanceOf(EventStreamError);
          const possible = total >= 16 && headersLength <= total - 16 && total <= 32 * 1024 * 1024;
          if (!possible) expect((got.error as EventStreamError).fault).toBe("length");
        },
      ),
      RUNS,
    );
  });
});

/** A body that gives one chunk per read, as a network does. */
function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[i++];
        if (next) controller.enqueue(next);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

async function readAll(chunks: Uint8Array[]): Promise<Decoded> {
  const reader = new EventStreamReader(body(chunks), {
    signal: undefined,
    idleTimeoutMs: 0,
    describe: "fuzz",
  });
  const messages: Expected[] = [];
  try {
    for (let m = await reader.next(); m; m = await reader.next()) messages.push(comparable(m));
    return { messages, error: undefined };
  } catch (error) {
    return { messages, error };
  }
}

describe("EventStreamReader, property-based", () => {
  it("reads the same messages and fails the same way as whole-buffer decoding, never hangs", async () => {
    await fc.assert(
      fc.asyncProperty(
        streams,
        chunkSizes,
        fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 }))),
        fc.option(fc.nat()),
        async (messages, sizes, corruption, stop) => {
          let bytes = concat(messages.map((m) => m.bytes));
          if (corruption) {
            const [offset, mask] = corruption;
            const i = offset % bytes.length;
            bytes[i] = (bytes[i] as number) ^ mask;
          }
          if (stop !== null) bytes = bytes.subarray(0, stop % (bytes.length + 1));
          const [read] = await settleAll([readAll(chunk(bytes, sizes))], 5000);
          expect(read?.status).toBe("fulfilled");
          const got = (read as { value: Decoded }).value;
          const whole = decodeChunks([bytes]);
          expect(got.messages).toEqual(whole.messages);
          expect(failureOf(got.error)).toEqual(failureOf(whole.error));
        },
      ),
      { numRuns: 100 },
    );
  });
});
