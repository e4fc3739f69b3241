import { describe, expect, it } from "vitest";
import { hmacKey, hmacSha256, sha256 } from "./sha256";

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const subtleDigest = async (data: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource));
const subtleHmac = async (key: Uint8Array, data: Uint8Array) => {
  const k = await crypto.subtle.importKey(
    "raw",
    key as BufferSource,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, data as BufferSource));
};
const random = (n: number) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536)
    crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
};

describe("sha256", () => {
  it("gives the FIPS 180-4 example digests", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(hex(sha256(text("")))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(hex(sha256(text("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hex(sha256(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with crypto.subtle at every length around the block and padding edges", async () => {
    for (const length of [
      1, 31, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 70_001,
    ]) {
      const data = random(length);
      expect(hex(sha256(data)), `length ${length}`).toBe(hex(await subtleDigest(data)));
    }
  });

  it("hashes a view at an offset into a larger buffer as the view alone", async () => {
    const whole = random(5000);
    for (const [start, end] of [
      [1, 56],
      [3, 67],
      [13, 1037],
      [64, 4160],
    ] as const) {
      const view = whole.subarray(start, end);
      expect(hex(sha256(view))).toBe(hex(await subtleDigest(whole.slice(start, end))));
    }
  });

  it("leaves no state behind between messages", () => {
    const long = random(1000);
    const short = random(10);
    const first = hex(sha256(short));
    sha256(long);
    expect(hex(sha256(short))).toBe(first);
  });
});

describe("hmacSha256", () => {
  it("gives the RFC 4231 test case 2 result", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(hex(hmacSha256(text("Jefe"), text("what do ya want for nothing?")))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("agrees with crypto.subtle for short, block-sized and long keys", async () => {
    for (const keyLength of [1, 32, 64, 65, 200]) {
      const key = random(keyLength);
      const data = random(300);
      expect(hex(hmacSha256(key, data))).toBe(hex(await subtleHmac(key, data)));
    }
  });

  it("gives the same HMAC with a key prepared once, message after message", async () => {
    for (const keyLength of [1, 32, 64, 65, 200]) {
      const key = random(keyLength);
      const prepared = hmacKey(key);
      for (const dataLength of [0, 55, 64, 150, 1000]) {
        const data = random(dataLength);
        expect(hex(hmacSha256(prepared, data)), `key ${keyLength}, data ${dataLength}`).toBe(
          hex(await subtleHmac(key, data)),
        );
      }
    }
  });
});
