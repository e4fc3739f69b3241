import { encodeEventMessage } from "@sagefetch/msw";
import { describe, expect, it } from "vitest";
import { EventStreamDecoder } from "./EventStreamDecoder";

describe("decodeHeaders", () => {
  // Found by test/fuzz/eventStreamDecoder.fuzz.test.ts: the header was dropped, and a binary
  // one became the prototype of the headers object.
  it.each([
    ["a string", "x", "x"],
    ["a binary", { type: "binary", value: Uint8Array.of(1, 2) } as const, Uint8Array.of(1, 2)],
  ])("keeps a header named __proto__ (%s value) as a header", (_type, encoded, decoded) => {
    const headers = Object.defineProperty({}, "__proto__", { value: encoded, enumerable: true });
    const [message] = new EventStreamDecoder().push(
      encodeEventMessage({ headers, payload: new Uint8Array(0) }),
    );
    expect(Object.getPrototypeOf(message?.headers)).toBe(Object.prototype);
    expect(Object.entries(message?.headers ?? {})).toEqual([["__proto__", decoded]]);
  });
});
