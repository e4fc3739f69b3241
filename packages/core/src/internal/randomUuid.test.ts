import { afterEach, describe, expect, it, vi } from "vitest";
import { randomUuid } from "./randomUuid";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("randomUuid", () => {
  it("gives v4 UUIDs, all different, across many draws of the pool", () => {
    const ids = new Set(Array.from({ length: 300 }, () => randomUuid()));
    for (const id of ids) expect(id).toMatch(V4);
    expect(ids.size).toBe(300);
  });

  it("draws from getRandomValues (randomUUID is missing in insecure contexts), 64 ids a call, each byte once", () => {
    let counter = 0;
    const getRandomValues = vi
      .spyOn(crypto, "getRandomValues")
      .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array;
        for (let i = 0; i < bytes.length; i++) bytes[i] = counter++ & 255;
        return array;
      });
    const randomUUID = vi.spyOn(crypto, "randomUUID");
    // Whatever is left of the pool first: the id made when it is drawn again starts it.
    let id = randomUuid();
    for (let n = 0; getRandomValues.mock.calls.length === 0 && n < 64; n++) id = randomUuid();
    expect(getRandomValues).toHaveBeenCalledTimes(1);
    // Bytes 0–15, with the version and variant bits set.
    expect(id).toBe("00010203-0405-4607-8809-0a0b0c0d0e0f");
    expect(randomUuid()).toBe("10111213-1415-4617-9819-1a1b1c1d1e1f");
    for (let i = 2; i < 64; i++) randomUuid();
    expect(getRandomValues).toHaveBeenCalledTimes(1);
    randomUuid();
    expect(getRandomValues).toHaveBeenCalledTimes(2);
    expect(randomUUID).not.toHaveBeenCalled();
  });
});
