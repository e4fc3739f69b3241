import { hex } from "./hex";
import { sha256 } from "./sha256";

/*
 * The payload's SHA-256 on whichever hasher is faster for its size in the runtime at hand.
 * `crypto.subtle.digest` has a fixed cost per call that depends on the runtime, measured by
 * bench/invoke-breakdown.mjs (decisions/0001-own-sigv4-signer.md has the numbers):
 * - Chromium and workerd digest on the calling thread: a 1 KiB digest takes 1.5–4 µs there
 *   against 5–9 µs in JavaScript, and native wins from about 512 bytes;
 * - Node (and the edge runtime, which runs on it) goes through a thread pool: 15–20 µs a call
 *   whatever the size, so JavaScript wins up to about 4 KiB.
 * Other runtimes (Firefox, Safari, Deno, Bun) were not measured and take the cautious 4 KiB.
 */
const CALLING_THREAD_FROM_BYTES = 512;
const THREAD_POOL_FROM_BYTES = 4 * 1024;

/**
 * From which size `crypto.subtle.digest` beats the JavaScript SHA-256 in the runtime named by
 * `userAgent`: `navigator.userAgent` is the one web-standard name of the runtime ("Mozilla/5.0
 * … Chrome/…" in Chromium and the browsers built on it, "Cloudflare-Workers" in workerd,
 * "Node.js/24" in Node).
 */
export function nativeDigestFromBytes(userAgent: string | undefined): number {
  return /Chrome\/|^Cloudflare-Workers/.test(userAgent ?? "")
    ? CALLING_THREAD_FROM_BYTES
    : THREAD_POOL_FROM_BYTES;
}

let nativeFrom: number | undefined;
// Looked up once: in a page, `crypto` and `subtle` are getters on the window, not free to read
// on every request. (Absent stays absent: a page does not become a secure context later.)
let subtle: SubtleCrypto | null | undefined;

/**
 * SHA-256 of the payload, in hex. Where `crypto.subtle` is missing (a page over plain http on
 * a LAN address is not a secure context), JavaScript hashes everything.
 */
export async function payloadHash(body: Uint8Array): Promise<string> {
  subtle ??= globalThis.crypto?.subtle ?? null;
  nativeFrom ??= nativeDigestFromBytes(globalThis.navigator?.userAgent);
  if (subtle && body.length >= nativeFrom) {
    return hex(new Uint8Array(await subtle.digest("SHA-256", body as BufferSource)));
  }
  return hex(sha256(body));
}
