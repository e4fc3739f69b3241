import { crc32 } from "./crc32";
import { encodeHeaders } from "./headers";
import type { EventMessage } from "./types";

const PRELUDE_BYTES = 12;
const CRC_BYTES = 4;
/** Limits a service must enforce (format spec, "Message Format"). */
export const MAX_EVENT_PAYLOAD_BYTES: number = 24 * 1024 * 1024;
export const MAX_EVENT_HEADERS_BYTES: number = 128 * 1024;

/**
 * Encodes one AWS event-stream message: total length (u32), headers length (u32), prelude
 * CRC-32, headers, payload, message CRC-32, all big-endian. A string header value is sent as
 * type 7 (string); give `{ type, value }` for the other types.
 *
 * @example
 * encodeEventMessage({
 *   headers: { ":message-type": "event", ":event-type": "PayloadPart" },
 *   payload: new TextEncoder().encode("hello"),
 * });
 */
export function encodeEventMessage(message: EventMessage): Uint8Array<ArrayBuffer> {
  const headers = encodeHeaders(message.headers);
  const { payload } = message;
  if (headers.length > MAX_EVENT_HEADERS_BYTES) {
    throw new RangeError(`Event headers are over ${MAX_EVENT_HEADERS_BYTES} bytes`);
  }
  if (payload.length > MAX_EVENT_PAYLOAD_BYTES) {
    throw new RangeError(`Event payload is over ${MAX_EVENT_PAYLOAD_BYTES} bytes`);
  }
  const total = PRELUDE_BYTES + headers.length + payload.length + CRC_BYTES;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc32(bytes.subarray(0, 8)));
  bytes.set(headers, PRELUDE_BYTES);
  bytes.set(payload, PRELUDE_BYTES + headers.length);
  view.setUint32(total - CRC_BYTES, crc32(bytes.subarray(0, total - CRC_BYTES)));
  return bytes;
}
