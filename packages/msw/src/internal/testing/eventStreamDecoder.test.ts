// The test-only decoder must be right for the stream tests to mean anything: it is checked
// against smithy's vectors, including the corrupted ones. (It lives in @sagefetch/testing, shared
// with the emulator's tests; the vectors and the encoder it is checked with are here.)

import { decodeMessages, readEventStream } from "@sagefetch/testing/eventStream";
import corruptedHeaderLen from "@vectors/eventstream/decoded/negative/corrupted_header_len?raw";
import corruptedHeaders from "@vectors/eventstream/decoded/negative/corrupted_headers?raw";
import corruptedLength from "@vectors/eventstream/decoded/negative/corrupted_length?raw";
import corruptedPayload from "@vectors/eventstream/decoded/negative/corrupted_payload?raw";
import corruptedHeaderLenBytes from "@vectors/eventstream/encoded/negative/corrupted_header_len?url&inline";
import corruptedHeadersBytes from "@vectors/eventstream/encoded/negative/corrupted_headers?url&inline";
import corruptedLengthBytes from "@vectors/eventstream/encoded/negative/corrupted_length?url&inline";
import corruptedPayloadBytes from "@vectors/eventstream/encoded/negative/corrupted_payload?url&inline";
import { describe, expect, it } from "vitest";
import { encodeEventMessage } from "../../eventstream/encode";
import { concatBytes, utf8 } from "../bytes";
import { positiveVectors } from "./eventstreamVectors";
import { dataUrlBytes } from "./vectorBytes";

const negative = [
  ["corrupted_header_len", corruptedHeaderLen, corruptedHeaderLenBytes],
  ["corrupted_headers", corruptedHeaders, corruptedHeadersBytes],
  ["corrupted_length", corruptedLength, corruptedLengthBytes],
  ["corrupted_payload", corruptedPayload, corruptedPayloadBytes],
] as const;

/** A body that gives these chunks, one per read, then ends or fails. */
function streamOf(chunks: Uint8Array[], error?: Error): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (error) controller.error(error);
      else controller.close();
    },
  });
}

describe("test decoder", () => {
  it.each(positiveVectors)("decodes smithy's $name vector", (vector) => {
    const [message] = decodeMessages(vector.bytes);
    expect(message?.payload).toEqual(vector.message.payload);
    const expected = Object.entries(vector.message.headers).map(([name, h]) =>
      typeof h !== "string" && h.type === "timestamp"
        ? [name, { type: h.type, value: new Date(Number(h.value)) }]
        : [name, h],
    );
    expect(message?.headers).toEqual(Object.fromEntries(expected));
  });

  it.each(negative)("refuses smithy's %s vector: %s", (_, expected, url) => {
    expect(() => decodeMessages(dataUrlBytes(url))).toThrow(expected.trim());
  });

  it("reads a stream in any chunking, and reports a cut, a truncation or corruption", async () => {
    const one = encodeEventMessage({ headers: { a: "1" }, payload: utf8("x") });
    const two = encodeEventMessage({ headers: { a: "2" }, payload: utf8("yz") });
    const all = concatBytes([one, two]);
    const bytes = [...all].map((b) => Uint8Array.of(b));
    const whole = await readEventStream(streamOf(bytes));
    expect(whole.messages.map((m) => m.headers.a?.value)).toEqual(["1", "2"]);
    expect(whole.error).toBeUndefined();
    const cut = await readEventStream(streamOf([one], new TypeError("terminated")));
    expect(cut).toMatchObject({ messages: [{}], error: { message: "terminated" } });
    const truncated = await readEventStream(streamOf([all.subarray(0, all.length - 3)]));
    expect(truncated).toMatchObject({ messages: [{}], error: { message: "Truncated message" } });
    const corrupt = all.slice();
    corrupt[corrupt.length - 1] = (corrupt[corrupt.length - 1] ?? 0) ^ 1;
    const bad = await readEventStream(streamOf([corrupt]));
    expect(bad).toMatchObject({ messages: [{}], error: { message: "Message checksum mismatch" } });
  });
});
