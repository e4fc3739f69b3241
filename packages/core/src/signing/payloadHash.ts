import { hex } from "./hex";
import { sha256 } from "./sha256";

/*
 * The payload's SHA-256 on whichever hasher is faster for its size in the runtime at hand.
 * `crypto.subtle.digest` has a fixed cost per call that depends on the runtime, measured by
 * bench/invoke-breakdown.mjs, digest alone and in a whole invoke (decisions/0001-own-sigv4-signer.md
 * has the numbers):
 * - workerd digests on the calling thread: 2–4 µs for 1 KiB against 7 µs in JavaScript, and
 *   native wins from about 512 bytes;
 * - Chromium digests on a WebCrypto thread: the call and the trip back cost the page about
 *   10 µs of a whole invoke, so JavaScript wins up to about 2 KiB (the two are even there);
 * - Node goes through a thread pool: 55–60 µs a digest alone, and about 90 µs of a whole
 *   invoke; JavaScript wins up to about 24 KiB there. Node takes JavaScript up to 16 KiB
 *   only: beyond, the JavaScript hash would hold a server's event loop for 100 µs and more.
 * Other runtimes (the edge runtime, Firefox, Safari, Deno, Bun) were not all measured and take
 * a cautious 4 KiB (the edge runtime, on Node here, would be faster with JavaScript up to 16 KiB).
 */
const CALLING_THREAD_FROM_BYTES = 512;
const WEBCRYPTO_THREAD_FROM_BYTES = 2 * 1024;
const NODE_THREAD_POOL_FROM_BYTES = 16 * 1024;
const UNMEASURED_FROM_BYTES = 4 * 1024;

/**
 * From which size `crypto.subtle.digest` beats the JavaScript SHA-256 in the runtime named by
 * `userAgent`: `navigator.userAgent` is the one web-standard name of the runtime ("Mozilla/5.0
 * … Chrome/…" in Chromium and the browsers built on it, "Cloudflare-Workers" in workerd,
 * "Node.js/24" in Node).
 */
export function nativeDigestFromBytes(userAgent: string | undefined): number {
  const name = userAgent ?? "";
  if (name.startsWith("Cloudflare-Workers")) return CALLING_THREAD_FROM_BYTES;
  if (name.startsWith("Node.js/")) return NODE_THREAD_POOL_FROM_BYTES;
  return name.includes("Chrome/") ? WEBCRYPTO_THREAD_FROM_BYTES : UNMEASURED_FROM_BYTES;
}

let nativeFrom: number | undefined;
// Looked up once: in a page, `crypto` and `subtle` are getters on the window, not free to read
// on every request. (Absent stays absent: a page does not become a secure context later.)
let subtle: SubtleCrypto | null | undefined;

/**
 * Hashes payloads from `bytes` up on `crypto.subtle` (`undefined`: the runtime's own size):
 * for the bench, which times a whole invoke on either hasher.
 */
export function setNativeDigestFromBytes(bytes: number | undefined): void {
  nativeFrom = bytes;
}

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
