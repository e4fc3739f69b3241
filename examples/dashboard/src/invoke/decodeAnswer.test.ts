import { Uint8ArrayBlobAdapter } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import { decodeAnswer } from "./decodeAnswer";

const answer = (body: string, ContentType: string) =>
  decodeAnswer(
    {
      Body: Uint8ArrayBlobAdapter.fromBytes(new TextEncoder().encode(body)),
      ContentType,
      $metadata: {},
    },
    { EndpointName: "echo", Body: body },
  );

describe("decodeAnswer", () => {
  it("decodes as decodeBody does", () => {
    expect(answer('{"ok": true}', "application/json")).toEqual({
      kind: "decoded",
      value: { ok: true },
    });
    expect(answer("1,2", "text/csv")).toEqual({ kind: "decoded", value: "1,2" });
  });

  it("gives a JSON answer that does not parse as the text it is, not an error", () => {
    expect(answer('{"inputs": "cut', "application/json")).toEqual({
      kind: "not-json",
      text: '{"inputs": "cut',
    });
  });
});
