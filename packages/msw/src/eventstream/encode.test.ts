import protocolTests from "@vectors/eventstream/restjson1-protocol-tests.json";
import { describe, expect, it } from "vitest";
import { utf8 } from "../internal/bytes";
import { headerFromWire, positiveVectors } from "../internal/testing/eventstreamVectors";
import { fromBase64 } from "../internal/testing/vectorBytes";
import { crc32, type EventHeaderValue, encodeEventMessage } from "./index";

interface ProtocolMessage {
  bytes_b64: string;
  total_length: number;
  headers: Record<string, { type: number; value: unknown }>;
  payload_utf8: string;
}
interface ProtocolCase {
  id: string;
  messages: ProtocolMessage[];
}

const cases = (protocolTests as { cases: ProtocolCase[] }).cases;
const messages = cases.flatMap((c) => c.messages.map((m, i) => ({ id: `${c.id}#${i}`, ...m })));

describe("crc32", () => {
  it("gives the standard check value and continues across buffers", () => {
    expect(crc32(utf8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(utf8("56789"), crc32(utf8("1234")))).toBe(0xcbf43926);
  });
});

describe("encodeEventMessage", () => {
  it.each(positiveVectors)("encodes smithy's $name vector to its bytes", (vector) => {
    const bytes = encodeEventMessage(vector.message);
    expect(bytes.length).toBe(vector.totalLength);
    expect([...bytes]).toEqual([...vector.bytes]);
  });

  it("encodes all 92 restJson1 protocol-test messages to their bytes", () => {
    expect(messages).toHaveLength(92);
    for (const message of messages) {
      const headers: Record<string, EventHeaderValue> = {};
      for (const [name, h] of Object.entries(message.headers)) {
        headers[name] = headerFromWire(h.type, h.value, false);
      }
      const bytes = encodeEventMessage({ headers, payload: utf8(message.payload_utf8) });
      expect({ id: message.id, bytes: [...bytes] }).toEqual({
        id: message.id,
        bytes: [...fromBase64(message.bytes_b64)],
      });
    }
  });

  it("sends a plain string as a type 7 header", () => {
    const vector = positiveVectors.find((v) => v.name === "payload_one_str_header");
    const bytes = encodeEventMessage({
      headers: { "content-type": "application/json" },
      payload: vector?.message.payload ?? new Uint8Array(),
    });
    expect([...bytes]).toEqual([...(vector?.bytes ?? [])]);
  });

  it("takes a UUID as text or as bytes, a long as a number or a bigint", () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
    const text = "01020304-0506-0708-090a-0b0c0d0e0f10";
    const encode = (headers: Record<string, EventHeaderValue>) =>
      encodeEventMessage({ headers, payload: new Uint8Array() });
    expect(encode({ u: { type: "uuid", value: text } })).toEqual(
      encode({ u: { type: "uuid", value: bytes } }),
    );
    expect(encode({ l: { type: "long", value: 42 } })).toEqual(
      encode({ l: { type: "long", value: 42n } }),
    );
    expect(encode({ t: { type: "timestamp", value: new Date(8675309) } })).toEqual(
      encode({ t: { type: "timestamp", value: 8675309 } }),
    );
  });

  it("refuses what the format cannot carry", () => {
    const encode =
      (headers: Record<string, string | EventHeaderValue>, payload = 0) =>
      () =>
        encodeEventMessage({ headers, payload: new Uint8Array(payload) });
    expect(encode({ "": "x" })).toThrow(RangeError);
    expect(encode({ ["n".repeat(256)]: "x" })).toThrow(/1 to 255 bytes/);
    expect(encode({ s: "x".repeat(32_768) })).toThrow(/over 32767 bytes/);
    expect(encode({ b: { type: "byte", value: 128 } })).toThrow(/signed 8-bit/);
    expect(encode({ s: { type: "short", value: 1.5 } })).toThrow(/signed 16-bit/);
    expect(encode({ i: { type: "integer", value: 2 ** 31 } })).toThrow(/signed 32-bit/);
    expect(encode({ u: { type: "uuid", value: "not-a-uuid" } })).toThrow(/not a UUID/);
    expect(encode({ u: { type: "uuid", value: new Uint8Array(15) } })).toThrow(/16 bytes/);
    expect(encode({}, 24 * 1024 * 1024 + 1)).toThrow(/payload is over/);
    const many: Record<string, string> = {};
    for (let i = 0; i < 5; i++) many[`h${i}`] = "x".repeat(30_000);
    expect(encode(many)).toThrow(/headers are over/);
    expect(encode({ s: "x".repeat(32_767) })).not.toThrow();
  });
});
