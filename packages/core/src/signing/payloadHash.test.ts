import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { hex } from "./hex";
import { nativeDigestFromBytes, payloadHash, setNativeDigestFromBytes } from "./payloadHash";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const HEADLESS_CHROME = CHROME.replace("Chrome/", "HeadlessChrome/");
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

const bytes = (n: number) => new Uint8Array(n).map((_, i) => (i * 31 + 7) & 255);
const subtleHex = async (data: Uint8Array) =>
  hex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource)));

afterEach(() => {
  vi.restoreAllMocks();
});

describe("nativeDigestFromBytes", () => {
  it("goes native from 512 B where digests run on the calling thread (workerd)", () => {
    expect(nativeDigestFromBytes("Cloudflare-Workers")).toBe(512);
  });

  it("goes native from 2 KiB where they run on a WebCrypto thread (Chromium)", () => {
    expect(nativeDigestFromBytes(CHROME)).toBe(2048);
    expect(nativeDigestFromBytes(HEADLESS_CHROME)).toBe(2048);
  });

  it("goes native from 16 KiB in Node, and from 4 KiB in runtimes not measured", () => {
    expect(nativeDigestFromBytes("Node.js/24")).toBe(16384);
    expect(nativeDigestFromBytes(FIREFOX)).toBe(4096);
    expect(nativeDigestFromBytes(undefined)).toBe(4096);
  });
});

describe("payloadHash", () => {
  it("gives crypto.subtle's digest on either side of every threshold", async () => {
    for (const size of [0, 1, 511, 512, 513, 2047, 2048, 4095, 4096, 16_383, 16_384, 20_000]) {
      const data = bytes(size);
      expect(await payloadHash(data), `${size} bytes`).toBe(await subtleHex(data));
    }
  });

  it("hashes a view into a larger buffer, not the whole buffer", async () => {
    const whole = bytes(10_000);
    for (const [start, end] of [
      [3, 203],
      [5, 1029],
      [7, 9000],
    ] as const) {
      const view = whole.subarray(start, end);
      expect(await payloadHash(view)).toBe(await subtleHex(whole.slice(start, end)));
    }
  });

  it("hashes everything in JavaScript where crypto.subtle is missing (no secure context)", async () => {
    const data = bytes(20_000);
    const expected = await subtleHex(data);
    vi.resetModules();
    vi.stubGlobal("crypto", { getRandomValues: crypto.getRandomValues.bind(crypto) });
    try {
      const fresh = await import("./payloadHash");
      expect(globalThis.crypto.subtle).toBeUndefined();
      expect(await fresh.payloadHash(data)).toBe(expected);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("takes crypto.subtle from this runtime's threshold, JavaScript below it", async () => {
    // Vitest's edge-runtime environment keeps Node's navigator.
    const threshold = { node: 16384, edge: 16384, chromium: 2048, workerd: 512 }[inject("runtime")];
    expect(nativeDigestFromBytes(globalThis.navigator?.userAgent)).toBe(threshold);
    const digest = vi.spyOn(crypto.subtle, "digest");
    await payloadHash(bytes(threshold - 1));
    expect(digest).not.toHaveBeenCalled();
    await payloadHash(bytes(threshold));
    expect(digest).toHaveBeenCalledTimes(1);
  });
});

describe("setNativeDigestFromBytes", () => {
  afterEach(() => {
    setNativeDigestFromBytes(undefined);
  });

  it("moves the threshold for the bench, and undefined gives the runtime's back", async () => {
    const digest = vi.spyOn(crypto.subtle, "digest");
    setNativeDigestFromBytes(0);
    expect(await payloadHash(bytes(10))).toBe(await subtleHex(bytes(10)));
    expect(digest).toHaveBeenCalledTimes(2);
    setNativeDigestFromBytes(Number.POSITIVE_INFINITY);
    expect(await payloadHash(bytes(50_000))).toBe(await subtleHex(bytes(50_000)));
    expect(digest).toHaveBeenCalledTimes(3);
    setNativeDigestFromBytes(undefined);
    await payloadHash(bytes(10));
    expect(digest).toHaveBeenCalledTimes(3);
  });
});
