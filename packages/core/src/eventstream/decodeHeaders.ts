import { EventStreamError } from "./EventStreamError";

/** A decoded header value: booleans, numbers (byte to long), strings, bytes, dates, uuids. */
export type HeaderValue = boolean | number | string | Uint8Array | Date;

const utf8 = /* @__PURE__ */ new TextDecoder();

// Header names and values are short and almost always ASCII: building those strings directly
// is several times faster than a TextDecoder call per string (three or more per message).
function decodeString(bytes: Uint8Array, start: number, end: number): string {
  let ascii = "";
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte > 0x7f) return utf8.decode(bytes.subarray(start, end));
    ascii += String.fromCharCode(byte);
  }
  return ascii;
}

// Value sizes of the fixed-size types 2 (byte) to 5 (long), 8 (timestamp), 9 (uuid).
const FIXED: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8, 8: 8, 9: 16 };

/** Decodes the headers block of one message (types 0–9 of the event-stream spec). */
export function decodeHeaders(
  view: DataView,
  start: number,
  end: number,
): Record<string, HeaderValue> {
  const headers: Record<string, HeaderValue> = {};
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let at = start;
  const need = (n: number) => {
    if (at + n > end)
      throw new EventStreamError({
        fault: "headers",
        message: "An event-stream header runs past the headers block.",
      });
  };
  while (at < end) {
    need(1);
    const nameLength = view.getUint8(at++);
    need(nameLength + 1);
    const name = decodeString(bytes, at, at + nameLength);
    at += nameLength;
    const type = view.getUint8(at++);
    let value: HeaderValue;
    if (type === 0 || type === 1) {
      value = type === 0;
    } else if (type === 6 || type === 7) {
      need(2);
      const length = view.getUint16(at);
      at += 2;
      need(length);
      value = type === 7 ? decodeString(bytes, at, at + length) : bytes.slice(at, at + length);
      at += length;
    } else if (FIXED[type] !== undefined) {
      const size = FIXED[type] as number;
      need(size);
      if (type === 2) value = view.getInt8(at);
      else if (type === 3) value = view.getInt16(at);
      else if (type === 4) value = view.getInt32(at);
      else if (type === 5) value = Number(view.getBigInt64(at));
      else if (type === 8) value = new Date(Number(view.getBigInt64(at)));
      else
        value = Array.from(bytes.subarray(at, at + 16), (b) =>
          (b + 256).toString(16).slice(1),
        ).join("");
      at += size;
    } else {
      throw new EventStreamError({
        fault: "headers",
        message: `Unknown event-stream header type ${type}.`,
      });
    }
    // Assigning `__proto__` would set the object's prototype (or do nothing) and lose the header.
    if (name === "__proto__") {
      Object.defineProperty(headers, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      headers[name] = value;
    }
  }
  return headers;
}
