// Generators shared by the property tests: event-stream messages (encoded with the mock's own
// encoder, which shares no code with the decoder under test) with the values they must decode
// to, and ways to cut a byte string into network chunks.
import { type EventHeaderValue, encodeEventMessage } from "@sagefetch/msw";
import fc from "fast-check";

/** Bounded runs: the whole fuzz suite must stay within seconds on CI's two cores. */
export const RUNS: { numRuns: number } = { numRuns: 150 };

/** A header value to encode, and what the decoder must give back for it. */
interface HeaderCase {
  encoded: EventHeaderValue;
  decoded: unknown;
}

const utf8 = new TextEncoder();
const roundTrip = (text: string) => new TextDecoder().decode(utf8.encode(text));
const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join("");

const headerValue: fc.Arbitrary<HeaderCase> = fc.oneof(
  fc
    .boolean()
    .map((value): HeaderCase => ({ encoded: { type: "boolean", value }, decoded: value })),
  fc
    .integer({ min: -128, max: 127 })
    .map((value): HeaderCase => ({ encoded: { type: "byte", value }, decoded: value })),
  fc
    .integer({ min: -32768, max: 32767 })
    .map((value): HeaderCase => ({ encoded: { type: "short", value }, decoded: value })),
  fc
    .integer()
    .map((value): HeaderCase => ({ encoded: { type: "integer", value }, decoded: value })),
  fc
    .maxSafeInteger()
    .map((value): HeaderCase => ({ encoded: { type: "long", value }, decoded: value })),
  fc
    .uint8Array({ maxLength: 40 })
    .map(
      (value): HeaderCase => ({ encoded: { type: "binary", value }, decoded: Array.from(value) }),
    ),
  fc
    .string({ unit: "binary", maxLength: 40 })
    .map(
      (value): HeaderCase => ({ encoded: { type: "string", value }, decoded: roundTrip(value) }),
    ),
  fc
    .integer({ min: -8.64e15, max: 8.64e15 })
    .map((value): HeaderCase => ({ encoded: { type: "timestamp", value }, decoded: value })),
  fc
    .uint8Array({ minLength: 16, maxLength: 16 })
    .map((value): HeaderCase => ({ encoded: { type: "uuid", value }, decoded: hex(value) })),
);

/** Header names, with the ones a plain object treats specially among them. */
const headerName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(":message-type", ":event-type", "__proto__", "constructor", "toString"),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 16 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
);

/** One message: its bytes, and the headers and payload it must decode to (comparable form). */
export interface MessageCase {
  bytes: Uint8Array;
  expected: { headers: Record<string, unknown>; payload: number[] };
}

export const message: fc.Arbitrary<MessageCase> = fc
  .record({
    headers: fc.uniqueArray(fc.tuple(headerName, headerValue), {
      maxLength: 6,
      selector: ([name]) => name,
    }),
    payload: fc.uint8Array({ maxLength: 200 }),
  })
  .map(({ headers, payload }) => {
    const encoded: Record<string, EventHeaderValue> = {};
    const expected: Record<string, unknown> = {};
    for (const [name, value] of headers) {
      // Own properties even for `__proto__`, as a decoder must give them back.
      Object.defineProperty(encoded, name, { value: value.encoded, enumerable: true });
      Object.defineProperty(expected, name, {
        value: value.decoded,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return {
      bytes: encodeEventMessage({ headers: encoded, payload }),
      expected: { headers: expected, payload: Array.from(payload) },
    };
  });

/** A decoded message in a form `toEqual` compares exactly (bytes as arrays, dates as ms). */
export function comparable(decoded: {
  headers: Record<string, unknown>;
  payload: Uint8Array;
}): MessageCase["expected"] {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(decoded.headers)) {
    const plain =
      value instanceof Uint8Array
        ? Array.from(value)
        : value instanceof Date
          ? value.getTime()
          : value;
    Object.defineProperty(headers, name, {
      value: plain,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { headers, payload: Array.from(decoded.payload) };
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Chunk sizes, cycled over the bytes: from single bytes to whole messages at once. */
export const chunkSizes: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 1, max: 300 }), {
  minLength: 1,
  maxLength: 12,
});

/** `bytes` cut into chunks of the given sizes (cycled); views into `bytes`, as a network gives. */
export function chunk(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}
