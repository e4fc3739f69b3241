/*
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 in plain TypeScript, synchronous.
 *
 * Why our own: SigV4 hashes three small strings per request, and `crypto.subtle` costs a
 * round trip to another thread for each (about 50 µs in Node and browsers), which made a
 * call slower than the AWS SDK's. `@aws-crypto/sha256-js` is fast but costs ~3 KiB gzip with
 * tslib, a quarter of our invoke-only budget; this is ~0.5 KiB. Large payloads still go to
 * `crypto.subtle` (see `payloadHash` in signRequest.ts), where native code wins.
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
const H = new Int32Array(8);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
const add = (i: number, x: number) => {
  H[i] = (H[i] as number) + x;
};

/** The SHA-256 digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  const length = data.length;
  // The message, a 1 bit, zeros, and the length in bits, to a multiple of 64 bytes.
  const m = new Uint8Array((((length + 8) >> 6) + 1) * 64);
  m.set(data);
  m[length] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(m.length - 8, Math.floor(length / 2 ** 29));
  view.setUint32(m.length - 4, length << 3);
  H.set(H0);
  // Plain locals and index loops: V8 keeps them in registers. (Destructuring a typed array
  // goes through its iterator and made this 5× slower.)
  for (let offset = 0; offset < m.length; offset += 64) {
    for (let t = 0; t < 16; t++) W[t] = view.getInt32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const x = W[t - 15] as number;
      const y = W[t - 2] as number;
      W[t] =
        ((rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) +
          (W[t - 7] as number) +
          (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10)) +
          (W[t - 16] as number)) |
        0;
    }
    let a = H[0] as number;
    let b = H[1] as number;
    let c = H[2] as number;
    let d = H[3] as number;
    let e = H[4] as number;
    let f = H[5] as number;
    let g = H[6] as number;
    let h = H[7] as number;
    for (let t = 0; t < 64; t++) {
      const t1 =
        (h +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          (K[t] as number) +
          (W[t] as number)) |
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    add(0, a);
    add(1, b);
    add(2, c);
    add(3, d);
    add(4, e);
    add(5, f);
    add(6, g);
    add(7, h);
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setInt32(i * 4, H[i] as number);
  return out;
}

/** HMAC-SHA-256 (RFC 2104) of `data` under `key`. */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + data.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = (block[i] as number) ^ 0x36;
    outer[i] = (block[i] as number) ^ 0x5c;
  }
  inner.set(data, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}
