/*
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 in plain TypeScript, synchronous.
 *
 * Why our own: SigV4 hashes three small strings per request, and where `crypto.subtle` goes
 * through a thread pool (Node, the edge runtime) it costs 15–20 µs a call against 1–7 µs
 * here. `@aws-crypto/sha256-js` is as fast but costs ~3 KiB gzip with tslib, a quarter of our
 * invoke-only budget; this is ~0.6 KiB. Payloads go to `crypto.subtle` from the size where it
 * wins in the runtime at hand (see payloadHash.ts).
 */

// First 32 bits of the fractional parts of the cube roots of the first 64 primes (K) and of
// the square roots of the first 8 (H0). Computed, not listed: the table would be 0.6 KiB.
// A test checks the digests against crypto.subtle, so a wrong constant cannot go unnoticed.
const K = new Int32Array(64);
const H0 = new Int32Array(8);
for (let n = 2, i = 0; i < 64; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
  if (!prime) continue;
  if (i < 8) H0[i] = (n ** 0.5 % 1) * 2 ** 32;
  K[i++] = (n ** (1 / 3) % 1) * 2 ** 32;
}

const W = new Int32Array(64);
// The last block or two of a message: its tail, the 1 bit, zeros and the length. Reused, so
// that hashing copies only the tail, never the whole message.
const TAIL = new Uint8Array(128);

/** Runs the compression function over the 64-byte blocks of `m` in [offset, end). */
function compress(state: Int32Array, m: Uint8Array, offset: number, end: number): void {
  // Plain locals and index loops: V8 keeps them in registers. (Destructuring a typed array
  // goes through its iterator and made this 5× slower.)
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  let s4 = state[4] as number;
  let s5 = state[5] as number;
  let s6 = state[6] as number;
  let s7 = state[7] as number;
  for (; offset < end; offset += 64) {
    for (let t = 0, i = offset; t < 16; t++, i += 4) {
      W[t] =
        ((m[i] as number) << 24) |
        ((m[i + 1] as number) << 16) |
        ((m[i + 2] as number) << 8) |
        (m[i + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const x = W[t - 15] as number;
      const y = W[t - 2] as number;
      W[t] =
        ((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) +
          (W[t - 7] as number) +
          (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) +
          (W[t - 16] as number)) |
        0;
    }
    let a = s0;
    let b = s1;
    let c = s2;
    let d = s3;
    let e = s4;
    let f = s5;
    let g = s6;
    let h = s7;
    for (let t = 0; t < 64; t++) {
      const t1 =
        (h +
          (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
          ((e & f) ^ (~e & g)) +
          (K[t] as number) +
          (W[t] as number)) |
        0;
      const t2 =
        ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
          ((a & b) ^ (a & c) ^ (b & c))) |
        0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    s0 = (s0 + a) | 0;
    s1 = (s1 + b) | 0;
    s2 = (s2 + c) | 0;
    s3 = (s3 + d) | 0;
    s4 = (s4 + e) | 0;
    s5 = (s5 + f) | 0;
    s6 = (s6 + g) | 0;
    s7 = (s7 + h) | 0;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  state[4] = s4;
  state[5] = s5;
  state[6] = s6;
  state[7] = s7;
}

/**
 * The digest of `data`, hashed on from `state` after `prefixBytes` already hashed into it
 * (0 and H0 for a plain SHA-256; one key block for HMAC). `state` is overwritten.
 */
function finish(state: Int32Array, data: Uint8Array, prefixBytes: number): Uint8Array {
  const length = data.length;
  const full = length - (length % 64);
  compress(state, data, 0, full);
  const rest = length - full;
  TAIL.fill(0);
  TAIL.set(data.subarray(full));
  TAIL[rest] = 0x80;
  const end = rest < 56 ? 64 : 128;
  // The length in bits, big-endian, in the last 8 bytes (messages stay far below 2^53 bits).
  const bits = (prefixBytes + length) * 8;
  const high = Math.floor(bits / 2 ** 32);
  for (let i = 0; i < 4; i++) {
    TAIL[end - 1 - i] = bits >>> (8 * i);
    TAIL[end - 5 - i] = high >>> (8 * i);
  }
  compress(state, TAIL, 0, end);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i] as number;
    out[i * 4] = word >>> 24;
    out[i * 4 + 1] = word >>> 16;
    out[i * 4 + 2] = word >>> 8;
    out[i * 4 + 3] = word;
  }
  return out;
}

/** The SHA-256 digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  return finish(H0.slice(), data, 0);
}

/**
 * A key made ready for HMAC: the hash states after its inner and outer padded blocks. Two
 * compressions saved on every message signed with it (SigV4 signs each request with a key
 * that lives a day).
 */
export interface HmacKey {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

/** Prepares `key` for `hmacSha256`. */
export function hmacKey(key: Uint8Array): HmacKey {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const pad = (byte: number) => {
    const state = H0.slice();
    compress(
      state,
      block.map((b) => b ^ byte),
      0,
      64,
    );
    return state;
  };
  return { inner: pad(0x36), outer: pad(0x5c) };
}

/** HMAC-SHA-256 (RFC 2104) of `data` under `key` (raw, or prepared by `hmacKey`). */
export function hmacSha256(key: Uint8Array | HmacKey, data: Uint8Array): Uint8Array {
  const prepared = key instanceof Uint8Array ? hmacKey(key) : key;
  const inner = finish(prepared.inner.slice(), data, 64);
  return finish(prepared.outer.slice(), inner, 64);
}
