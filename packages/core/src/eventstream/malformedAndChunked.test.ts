// Issue: a frame without `:message-type` was delivered as if it were a part; decoding a
// message that came in many small chunks took time in the square of their number.
import { describe, expect, it } from "vitest";
import { eventFrame as frame } from "../../test/harness/eventStreamFrame";
import { EventStreamDecoder } from "./EventStreamDecoder";
import { EventStreamError } from "./EventStreamError";
import { toStreamEvent } from "./toStreamEvent";

describe("a message without :message-type", () => {
  it("is an EventStreamError, not a part", () => {
    const bytes = frame({ ":event-type": "PayloadPart" }, new TextEncoder().encode("hi"));
    const [message] = new EventStreamDecoder().push(bytes);
    expect(message).toBeDefined();
    expect(() => toStreamEvent(message as never, {})).toThrow(EventStreamError);
    expect(() => toStreamEvent(message as never, {})).toThrow(/:message-type/);
  });

  it("while unknown message and event types are still skipped", () => {
    const decoder = new EventStreamDecoder();
    const payload = new Uint8Array([1]);
    const [other] = decoder.push(frame({ ":message-type": "event", ":event-type": "X" }, payload));
    expect(toStreamEvent(other as never, {})).toBeUndefined();
  });
});

describe("a message that arrives a byte at a time", () => {
  it("decodes in time linear in the number of chunks (256 KiB: well under 5 s)", () => {
    const payload = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    const bytes = frame({ ":message-type": "event", ":event-type": "PayloadPart" }, payload);
    const decoder = new EventStreamDecoder();
    const started = performance.now();
    const messages = [];
    for (let i = 0; i < bytes.length; i++) messages.push(...decoder.push(bytes.subarray(i, i + 1)));
    decoder.end();
    // Quadratic, this took about 50 s; linear, a fraction of a second.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.payload).toEqual(payload);
  });

  it("keeps what follows the message when the chunk that ends it runs on", () => {
    const one = frame(
      { ":message-type": "event", ":event-type": "PayloadPart" },
      new Uint8Array([7]),
    );
    const both = new Uint8Array([...one, ...one]);
    const decoder = new EventStreamDecoder();
    const cut = one.length + 3;
    const out = [
      ...Array.from(both.subarray(0, cut), (byte) => decoder.push(new Uint8Array([byte]))).flat(),
      ...decoder.push(both.subarray(cut)),
    ];
    decoder.end();
    expect(out.map((m) => Array.from(m.payload))).toEqual([[7], [7]]);
  });
});
