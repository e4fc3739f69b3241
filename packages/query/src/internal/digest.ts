import type { BodyInput } from "@sagefetch/core";

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * A synchronous 64-bit digest of a body (cyrb53's mixing, both 32-bit lanes kept), as
 * `<bytes>:<16 hex digits>`. Keys must be computed during render, so `crypto.subtle` (async)
 * cannot be used; 64 bits make a collision between two bodies on one screen negligible.
 * A string and its UTF-8 bytes digest alike, as they send the same request.
 * Not memoized: bytes can change in place under the same reference, so a digest by reference
 * could be stale. Keys are computed on every render; a digest reads ~3 ms per MB.
 */
export function digest(body: Exclude<BodyInput, Blob>): string {
  const bytes = toBytes(body);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${bytes.length}:${hex(h2)}${hex(h1)}`;
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");

function toBytes(body: unknown): Uint8Array {
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body))
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // A Blob can only be read asynchronously, and a key is needed during render.
  throw new TypeError("A query's Body must be a string or bytes, not a Blob (read it first).");
}
