import { Uint8ArrayBlobAdapter } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import { decodeBody } from "./decodeBody";

const output = (body: string | Uint8Array, ContentType?: string) => ({
  $metadata: {},
  Body: Uint8ArrayBlobAdapter.fromBytes(
    typeof body === "string" ? new TextEncoder().encode(body) : body,
  ),
  ContentType,
});

describe("decodeBody", () => {
  it.each([
    ["application/json", '[{"label":"POSITIVE"}]', [{ label: "POSITIVE" }]],
    ["application/json; charset=utf-8", '{"a":"é"}', { a: "é" }],
    ["application/problem+json", '{"title":"x"}', { title: "x" }],
    ["text/json", "3", 3],
    ["application/json", "", undefined],
    ["text/plain", "héllo", "héllo"],
    ["text/csv", "0.88\n0.12\n", "0.88\n0.12\n"],
    ["application/csv", "1,2", "1,2"],
    ["application/jsonlines", '{"a":1}\n{"a":2}\n', '{"a":1}\n{"a":2}\n'],
  ])("%s: %j → %j", (type, body, expected) => {
    expect(decodeBody(output(body, type))).toEqual(expected);
  });

  it.each([["image/png"], ["application/octet-stream"], [undefined]])("%s stays bytes", (type) => {
    const bytes = new Uint8Array([0, 1, 255]);
    const data = decodeBody(output(bytes, type));
    expect(data).toBeInstanceOf(Uint8Array);
    expect([...(data as Uint8Array)]).toEqual([0, 1, 255]);
  });

  it("says which endpoint answered invalid JSON, without quoting the body", () => {
    const decode = () =>
      decodeBody(output("secret-patient-data", "application/json"), { EndpointName: "ehr" });
    expect(decode).toThrow(TypeError);
    expect(decode).toThrow(/"ehr".*application\/json/);
    expect(decode).not.toThrow(/secret/);
  });
});
