import { describe, expect, it } from "vitest";
import { sageMakerKeys } from "./sageMakerKeys";

const input = {
  EndpointName: "sentiment",
  Body: '{"inputs":"I love it"}',
  ContentType: "application/json",
};

describe("sageMakerKeys", () => {
  it("nests from all to endpoint to one answer", () => {
    const key = sageMakerKeys.invoke(input);
    expect(key.slice(0, 1)).toEqual(sageMakerKeys.all);
    expect(key.slice(0, 3)).toEqual(sageMakerKeys.endpoint("sentiment"));
    expect(key).toEqual([
      "sagemaker",
      "endpoint",
      "sentiment",
      "invoke",
      { ContentType: "application/json", Body: expect.stringMatching(/^22:[0-9a-f]{16}$/) },
    ]);
  });

  it("shows neither the Body nor the CustomAttributes, only their digests", () => {
    const key = sageMakerKeys.invoke({ ...input, CustomAttributes: "tenant=acme-secret" });
    const shown = JSON.stringify(key);
    expect(shown).not.toContain("love");
    expect(shown).not.toContain("acme-secret");
    expect(key[4].CustomAttributes).toMatch(/^18:[0-9a-f]{16}$/);
  });

  it("is the same for the same request, whatever form the Body takes", () => {
    const bytes = new TextEncoder().encode(input.Body);
    const keys = [
      sageMakerKeys.invoke(input),
      sageMakerKeys.invoke({ ...input }),
      sageMakerKeys.invoke({ ...input, Body: bytes }),
      sageMakerKeys.invoke({ ...input, Body: bytes.buffer }),
      sageMakerKeys.invoke({ ...input, Body: new DataView(bytes.buffer) }),
      sageMakerKeys.invoke({ ...input, TargetVariant: undefined }),
    ];
    for (const key of keys) expect(key).toEqual(keys[0]);
  });

  it.each([
    ["Body", { Body: '{"inputs":"I love it!"}' }],
    ["ContentType", { ContentType: "text/plain" }],
    ["Accept", { Accept: "text/csv" }],
    ["TargetVariant", { TargetVariant: "blue" }],
    ["TargetModel", { TargetModel: "a.tar.gz" }],
    ["InferenceComponentName", { InferenceComponentName: "ic-1" }],
    ["CustomAttributes", { CustomAttributes: "x=1" }],
    ["EndpointName", { EndpointName: "other" }],
  ])("differs when %s differs", (_field, change) => {
    expect(sageMakerKeys.invoke({ ...input, ...change })).not.toEqual(sageMakerKeys.invoke(input));
  });

  it("digests large bodies, and tells apart bodies that differ by one byte", () => {
    const big = "x".repeat(100_000);
    const a = sageMakerKeys.invoke({ ...input, Body: big });
    expect(sageMakerKeys.invoke({ ...input, Body: big })).toEqual(a);
    expect(sageMakerKeys.invoke({ ...input, Body: `${big.slice(1)}y` })).not.toEqual(a);
  });

  it("sees a large byte Body changed in place (the same array, new bytes)", () => {
    const bytes = new Uint8Array(4096);
    const before = sageMakerKeys.invoke({ ...input, Body: bytes });
    bytes[0] = 1;
    const after = sageMakerKeys.invoke({ ...input, Body: bytes });
    expect(after).not.toEqual(before);
    expect(after).toEqual(sageMakerKeys.invoke({ ...input, Body: bytes.slice() }));
  });

  it("refuses a Blob, which cannot be read during render", () => {
    const body = new Blob(["hi"]) as unknown as string;
    expect(() => sageMakerKeys.invoke({ ...input, Body: body })).toThrow(/not a Blob/);
  });

  it("keys a streamed answer apart from the invoked one, with the same digests", () => {
    const invoked = sageMakerKeys.invoke(input);
    const streamed = sageMakerKeys.stream(input);
    expect(streamed.slice(0, 3)).toEqual(sageMakerKeys.endpoint("sentiment"));
    expect(streamed[3]).toBe("stream");
    expect(streamed).not.toEqual(invoked);
    expect(streamed[4]).toEqual(invoked[4]);
    expect(
      JSON.stringify(sageMakerKeys.stream({ ...input, CustomAttributes: "k=secret" })),
    ).not.toContain("secret");
  });
});
