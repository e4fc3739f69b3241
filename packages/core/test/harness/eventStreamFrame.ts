/**
 * Event-stream messages framed by hand for tests (prelude, headers, payload, both CRC-32s),
 * with a bit-by-bit CRC-32 that shares no code with the decoder under test.
 */

/** CRC-32 (IEEE), the slow and obvious way. */
export function referenceCrc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ -1) >>> 0;
}

/** A `PayloadPart` event message carrying `payload` (text as UTF-8). */
export function payloadPartFrame(payload: Uint8Array | string): Uint8Array {
  const enc = new TextEncoder();
  const header = (name: string, value: string) => {
    const n = enc.encode(name);
    const v = enc.encode(value);
    return [n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v];
  };
  const headers = [...header(":message-type", "event"), ...header(":event-type", "PayloadPart")];
  const bytes = typeof payload === "string" ? enc.encode(payload) : payload;
  const total = 16 + headers.length + bytes.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, referenceCrc32(out.subarray(0, 8)));
  out.set(headers, 12);
  out.set(bytes, 12 + headers.length);
  view.setUint32(total - 4, referenceCrc32(out.subarray(0, total - 4)));
  return out;
}
