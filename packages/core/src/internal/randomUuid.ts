/** Random bytes for 64 ids are drawn at once. */
const POOL_BYTES = 16 * 64;

let pool: Uint8Array<ArrayBuffer> | undefined;
let next = POOL_BYTES;
let hexOf: string[] | undefined;

/**
 * A v4 UUID for `amz-sdk-invocation-id`, from `crypto.getRandomValues` (the same generator as
 * `crypto.randomUUID`, which exists only in secure contexts: a page on a LAN address over http
 * is not one). The bytes of 64 ids are drawn in one call: in a page each call into crypto is a
 * trip through the bindings that costs more than formatting the id here
 * (bench/invoke-breakdown.mjs). Each byte is used once.
 */
export function randomUuid(): string {
  if (next === POOL_BYTES) {
    pool ??= new Uint8Array(POOL_BYTES);
    crypto.getRandomValues(pool);
    next = 0;
  }
  hexOf ??= Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));
  const b = pool as Uint8Array<ArrayBuffer>;
  let id = "";
  for (let k = 0; k < 16; k++) {
    const byte = b[next + k] as number;
    // 8-4-4-4-12 hex digits; version 4 in byte 6, variant 10xx in byte 8.
    if (k === 4 || k === 6 || k === 8 || k === 10) id += "-";
    id += hexOf[k === 6 ? (byte & 0x0f) | 0x40 : k === 8 ? (byte & 0x3f) | 0x80 : byte];
  }
  next += 16;
  return id;
}
