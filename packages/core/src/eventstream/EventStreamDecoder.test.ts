import protocolTests from "@vectors/eventstream/restjson1-protocol-tests.json";
import { describe, expect, it } from "vitest";
import { referenceCrc32 } from "../../test/harness/eventStreamFrame";
import { EventStreamDecoder, type EventStreamMessage } from "./EventStreamDecoder";
import { EventStreamError } from "./EventStreamError";

interface VectorMessage {
  bytes_b64: string;
  crc_ok: boolean;
  headers: Record<string, { type: number; value: unknown }>;
  payload_utf8: string;
}
const { cases } = protocolTests as { cases: { id: string; messages: VectorMessage[] }[] };
const messages = cases.flatMap((c) => c.messages.map((m, i) => ({ id: `${c.id}#${i}`, ...m })));
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const utf8 = new TextDecoder();

function expected(message: VectorMessage) {
  const headers: Record<string, unknown> = {};
  for (const [name, { type, value }] of Object.entries(message.headers)) {
    if (type === 6)
      headers[name] = Array.from(fromBase64((value as { blob_b64: string }).blob_b64));
    else if (type === 8) headers[name] = new Date(value as number).toISOString();
    else headers[name] = value;
  }
  return { headers, payload: message.payload_utf8 };
}
function comparable(message: EventStreamMessage) {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    headers[name] =
      value instanceof Uint8Array
        ? Array.from(value)
        : value instanceof Date
          ? value.toISOString()
          : value;
  }
  return { headers, payload: utf8.decode(message.payload) };
}

/** Decodes `bytes` fed in chunks of the given sizes (cycled). */
function decodeInChunks(bytes: Uint8Array, sizes: number[]): EventStreamMessage[] {
  const decoder = new EventStreamDecoder();
  const out: EventStreamMessage[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    out.push(...decoder.push(bytes.subarray(at, at + size)));
    at += size;
  }
  decoder.end();
  return out;
}

const good = messages.filter((m) => m.crc_ok);
const all = good.map((m) => fromBase64(m.bytes_b64));
const joined = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
for (let i = 0, at = 0; i < all.length; at += (all[i] as Uint8Array).length, i++) {
  joined.set(all[i] as Uint8Array, at);
}

describe("EventStreamDecoder: smithy's restJson1 event-stream messages", () => {
  it.each(good.map((m) => [m.id, m] as const))("%s", (_id, message) => {
    const [decoded] = decodeInChunks(fromBase64(message.bytes_b64), [1 << 20]);
    expect(comparable(decoded as EventStreamMessage)).toEqual(expected(message));
  });

  it.each([
    ["whole", [joined.length]],
    ["1-byte chunks", [1]],
    ["odd sizes", [3, 7, 1, 13, 64, 5]],
    ["chunks cut inside preludes", [11, 13]],
  ])("decodes all %i messages the same when cut as %s", (_label, sizes) => {
    const decoded = decodeInChunks(joined, sizes);
    expect(decoded.map(comparable)).toEqual(good.map(expected));
  });

  it("returns the messages a chunk completes, and keeps nothing of them", () => {
    const decoder = new EventStreamDecoder();
    const first = all[0] as Uint8Array;
    expect(decoder.push(first.subarray(0, first.length - 1))).toEqual([]);
    expect(decoder.push(first.subarray(first.length - 1))).toHaveLength(1);
    expect(() => decoder.end()).not.toThrow();
  });
});

describe("EventStreamDecoder: corrupt and cut input", () => {
  const bytes = all[0] as Uint8Array;
  const flip = (at: number) => {
    const copy = bytes.slice();
    copy[at] = (copy[at] as number) ^ 0x01;
    return copy;
  };
  it.each([
    ["the total length", flip(2), "prelude-checksum"],
    ["the headers length", flip(6), "prelude-checksum"],
    ["the prelude checksum", flip(9), "prelude-checksum"],
    ["a header", flip(14), "message-checksum"],
    ["the last byte", flip(bytes.length - 1), "message-checksum"],
  ])("a flipped bit in %s is a %s error", (_where, corrupt, fault) => {
    const error = (() => {
      try {
        decodeInChunks(corrupt, [5]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EventStreamError);
    expect((error as EventStreamError).fault).toBe(fault);
  });

  it("a stream that ends inside a message is a truncated error", () => {
    expect(() => decodeInChunks(bytes.subarray(0, bytes.length - 3), [4])).toThrow(
      expect.objectContaining({ name: "EventStreamError", fault: "truncated" }),
    );
  });

  it("a vector marked corrupt is refused", () => {
    for (const message of messages.filter((m) => !m.crc_ok)) {
      expect(() => decodeInChunks(fromBase64(message.bytes_b64), [1 << 20])).toThrow(
        EventStreamError,
      );
    }
  });

  it("a length past the bound fails at once, without waiting for the bytes", () => {
    // A valid prelude that claims 1 GiB: refused after 12 bytes, nothing buffered for it.
    const prelude = new Uint8Array(12);
    const view = new DataView(prelude.buffer);
    view.setUint32(0, 1 << 30);
    view.setUint32(4, 0);
    view.setUint32(8, referenceCrc32(prelude.subarray(0, 8)));
    expect(() => new EventStreamDecoder().push(prelude)).toThrow(
      expect.objectContaining({ fault: "length" }),
    );
  });
});
