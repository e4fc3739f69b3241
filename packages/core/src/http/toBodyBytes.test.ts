import { describe, expect, it } from "vitest";
import { toBodyBytes } from "./toBodyBytes";
import { Uint8ArrayBlobAdapter } from "./Uint8ArrayBlobAdapter";

describe("toBodyBytes", () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  it.each([
    ["a string, as UTF-8", "héllo ✓", new TextEncoder().encode("héllo ✓")],
    ["a Uint8Array, as is", all, all],
    ["an ArrayBuffer", all.buffer, all],
    ["a view on a slice", new DataView(all.buffer, 10, 20), all.subarray(10, 30)],
    ["an Int16Array", new Int16Array([1, -1]), new Uint8Array(new Int16Array([1, -1]).buffer)],
    ["a Blob", new Blob([all]), all],
  ])("takes %s", async (_label, input, expected) => {
    expect(await toBodyBytes("InvokeEndpoint", input, true)).toEqual(expected);
  });

  it("lets an optional body be absent", async () => {
    expect(await toBodyBytes("InvokeEndpointAsync", undefined, false)).toBeUndefined();
  });
});

describe("Uint8ArrayBlobAdapter", () => {
  it("decodes as UTF-8 by default, as base64 and as any TextDecoder label", () => {
    const body = Uint8ArrayBlobAdapter.fromBytes(
      new TextEncoder().encode('{"label":"POSITIVE","score":0.99}'),
    );
    expect(body.transformToString()).toBe('{"label":"POSITIVE","score":0.99}');
    expect(body.transformToString("base64")).toBe(btoa('{"label":"POSITIVE","score":0.99}'));
    expect(
      Uint8ArrayBlobAdapter.fromBytes(new Uint8Array([0xe9])).transformToString("latin1"),
    ).toBe("é");
    expect(body).toBeInstanceOf(Uint8Array);
  });

  it("decodes each body on its own, a cut multi-byte character included", () => {
    const check = new TextEncoder().encode("✓");
    const cut = Uint8ArrayBlobAdapter.fromBytes(check.subarray(0, 2));
    const rest = Uint8ArrayBlobAdapter.fromBytes(check.subarray(2));
    expect(cut.transformToString()).toBe("\uFFFD");
    expect(rest.transformToString("utf8")).toBe("\uFFFD");
    expect(Uint8ArrayBlobAdapter.fromBytes(check).transformToString()).toBe("✓");
  });

  it("wraps a view without copying", () => {
    const bytes = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    const body = Uint8ArrayBlobAdapter.fromBytes(bytes);
    expect(Array.from(body)).toEqual([2, 3]);
    expect(body.buffer).toBe(bytes.buffer);
  });
});
