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
  const h = hexOf;
  const i = next;
  next += 16;
  const x = (k: number) => h[b[i + k] as number] as string;
  // 8-4-4-4-12 hex digits; version 4 in byte 6, variant 10xx in byte 8.
  return `${x(0)}${x(1)}${x(2)}${x(3)}-${x(4)}${x(5)}-${h[((b[i + 6] as number) & 0x0f) | 0x40]}${x(7)}-${h[((b[i + 8] as number) & 0x3f) | 0x80]}${x(9)}-${x(10)}${x(11)}${x(12)}${x(13)}${x(14)}${x(15)}`;
}
