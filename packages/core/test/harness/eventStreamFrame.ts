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

/** One event-stream message with string headers (in the order given) and `payload`. */
export function eventFrame(headers: Record<string, string>, payload: Uint8Array): Uint8Array {
  const enc = new TextEncoder();
  const head = Object.entries(headers).flatMap(([name, value]) => {
    const n = enc.encode(name);
    const v = enc.encode(value);
    return [n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v];
  });
  const total = 16 + head.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, head.length);
  view.setUint32(8, referenceCrc32(out.subarray(0, 8)));
  out.set(head, 12);
  out.set(payload, 12 + head.length);
  view.setUint32(total - 4, referenceCrc32(out.subarray(0, total - 4)));
  return out;
}

/** A `PayloadPart` event message carrying `payload` (text as UTF-8). */
export function payloadPartFrame(payload: Uint8Array | string): Uint8Array {
  const bytes = typeof payload === "string" ? new TextEncoder().encode(payload) : payload;
  return eventFrame({ ":message-type": "event", ":event-type": "PayloadPart" }, bytes);
}
