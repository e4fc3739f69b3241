// Test-only: an event-stream decoder written from the format spec, to read what the MSW mock and
// the emulator send. It checks both CRCs of every message (with Node's own CRC-32, not the one
// under test) and reports a stream that ends inside a message. Node only.
import { crc32 } from "node:zlib";

/** A decoded header: the format's ten wire types (boolean true/false share `boolean`). */
export type EventHeaderValue =
  | { type: "boolean"; value: boolean }
  | { type: "byte" | "short" | "integer"; value: number }
  | { type: "long"; value: bigint }
  | { type: "binary" | "uuid"; value: Uint8Array }
  | { type: "string"; value: string }
  | { type: "timestamp"; value: Date };

const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

export interface DecodedMessage {
  headers: Record<string, EventHeaderValue>;
  payload: Uint8Array;
}

export class DecodeError extends Error {}

/** Every whole message in `bytes`; throws on a bad CRC, or on bytes left over after them. */
export function decodeMessages(bytes: Uint8Array): DecodedMessage[] {
  const messages: DecodedMessage[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < 12) throw new DecodeError("Truncated message");
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
    const total = view.getUint32(0);
    const headersLength = view.getUint32(4);
    if (view.getUint32(8) !== crc32(bytes.subarray(offset, offset + 8))) {
      throw new DecodeError("Prelude checksum mismatch");
    }
    if (bytes.length - offset < total) throw new DecodeError("Truncated message");
    const message = bytes.subarray(offset, offset + total);
    if (view.getUint32(total - 4) !== crc32(message.subarray(0, total - 4))) {
      throw new DecodeError("Message checksum mismatch");
    }
    messages.push({
      headers: decodeHeaders(message.subarray(12, 12 + headersLength)),
      payload: message.slice(12 + headersLength, total - 4),
    });
    offset += total;
  }
  return messages;
}

/** Reads big-endian values from a buffer, moving past each. */
class Cursor {
  at = 0;
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  #skip(n: number): number {
    const at = this.at;
    this.at += n;
    return at;
  }
  u8 = () => this.view.getUint8(this.#skip(1));
  i8 = () => this.view.getInt8(this.#skip(1));
  i16 = () => this.view.getInt16(this.#skip(2));
  i32 = () => this.view.getInt32(this.#skip(4));
  i64 = () => this.view.getBigInt64(this.#skip(8));
  take = (n: number) => this.bytes.slice(this.#skip(n), this.at);
  sized = () => this.take(this.view.getUint16(this.#skip(2)));
}

function decodeHeaders(bytes: Uint8Array): Record<string, EventHeaderValue> {
  const headers: Record<string, EventHeaderValue> = {};
  const c = new Cursor(bytes);
  while (c.at < bytes.length) {
    const name = fromUtf8(c.take(c.u8()));
    const type = c.u8();
    const values: Record<number, () => EventHeaderValue> = {
      0: () => ({ type: "boolean", value: true }),
      1: () => ({ type: "boolean", value: false }),
      2: () => ({ type: "byte", value: c.i8() }),
      3: () => ({ type: "short", value: c.i16() }),
      4: () => ({ type: "integer", value: c.i32() }),
      5: () => ({ type: "long", value: c.i64() }),
      6: () => ({ type: "binary", value: c.sized() }),
      7: () => ({ type: "string", value: fromUtf8(c.sized()) }),
      8: () => ({ type: "timestamp", value: new Date(Number(c.i64())) }),
      9: () => ({ type: "uuid", value: c.take(16) }),
    };
    const read = values[type];
    if (read === undefined) throw new DecodeError(`Unknown header type ${type}`);
    headers[name] = read();
  }
  return headers;
}

/** Header values as plain values (strings stay strings), for `toEqual`. */
export function plainHeaders(message: DecodedMessage): Record<string, unknown> {
  return Object.fromEntries(Object.entries(message.headers).map(([k, h]) => [k, h.value]));
}

export interface ReadStream {
  /** The network chunks as they arrived. */
  chunks: Uint8Array[];
  messages: DecodedMessage[];
  /** How the body ended, when it did not end cleanly after whole messages. */
  error: Error | undefined;
}

/** Reads a body to its end (or its error) and decodes it. */
export async function readEventStream(
  body: ReadableStream<Uint8Array> | null,
): Promise<ReadStream> {
  const chunks: Uint8Array[] = [];
  let error: Error | undefined;
  if (body !== null) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
    } catch (e) {
      error = e as Error;
    }
  }
  const bytes = new Uint8Array(Buffer.concat(chunks));
  try {
    return { chunks, messages: decodeMessages(bytes), error };
  } catch (e) {
    return { chunks, messages: decodeWhole(bytes), error: error ?? (e as Error) };
  }
}

/** The messages before the first bad or partial one. */
function decodeWhole(bytes: Uint8Array): DecodedMessage[] {
  const out: DecodedMessage[] = [];
  let offset = 0;
  for (;;) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
    if (bytes.length - offset < 12) return out;
    const total = view.getUint32(0);
    if (total < 16) return out;
    try {
      out.push(...decodeMessages(bytes.subarray(offset, offset + total)));
    } catch {
      return out;
    }
    offset += total;
  }
}
