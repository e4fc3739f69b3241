// Response streams: the same recorded event-stream answer of InvokeEndpointWithResponseStream, fed
// to sagefetch and to the AWS SDK cut into the same network chunks (1 byte at a time, odd sizes,
// whole), must give the same parts, the same error after the same parts, and the same output
// fields.
//
// The answers are encoded with smithy's `EventStreamCodec`, the encoder the AWS SDK's own tests
// use, in the shape SageMaker sends: `:message-type`/`:event-type`/`:content-type` on each
// PayloadPart, `:exception-type` and a JSON `{"Message", "ErrorCode"}` body on a stream error.
//
// Each body is a web `ReadableStream` that gives one chunk per read (see harness.ts), as
// `FetchHttpHandler` gives the AWS SDK `response.body`; the AWS SDK iterates it and decodes as it
// goes (checked below: at the first part neither client has read past that part's message).
//
// Where the two differ by design, both behaviours are asserted, with the reason beside them.
import * as sagefetch from "@sagefetch/core";
import { EventStreamCodec, Int64, type MessageHeaders } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type Drained,
  drain,
  isolateFromAwsEnvironment,
  type OperationOutcome,
  ownClass,
  prop,
  runBothOperation,
  cut as split,
} from "./harness";

// In beforeAll: the cases run both clients in their own beforeAll, which comes before any beforeEach.
beforeAll(isolateFromAwsEnvironment);
afterAll(() => vi.unstubAllEnvs());

// --- Building recorded answers ---------------------------------------------------------------------

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value: string) => ({ type: "string", value }) as const;
const utf8 = new TextEncoder();

/** One encoded message, and what it is (to work out what each client should do with it). */
interface Msg {
  bytes: Uint8Array;
  kind: "part" | "exception" | "error" | "other";
}

const payloadPart = (bytes: Uint8Array | string, extra: MessageHeaders = {}): Msg => ({
  kind: "part",
  bytes: codec.encode({
    headers: {
      ":event-type": str("PayloadPart"),
      ":content-type": str("application/octet-stream"),
      ":message-type": str("event"),
      ...extra,
    },
    body: typeof bytes === "string" ? utf8.encode(bytes) : bytes,
  }),
});

const exception = (type: string, body: object): Msg => ({
  kind: "exception",
  bytes: codec.encode({
    headers: {
      ":exception-type": str(type),
      ":content-type": str("application/json"),
      ":message-type": str("exception"),
    },
    body: utf8.encode(JSON.stringify(body)),
  }),
});

/** A `:message-type: error` frame: the error in headers, no body. */
const errorFrame = (code: string, message: string): Msg => ({
  kind: "error",
  bytes: codec.encode({
    headers: {
      ":message-type": str("error"),
      ":error-code": str(code),
      ":error-message": str(message),
    },
    body: new Uint8Array(),
  }),
});

const unknownEvent = (type: string, body: string, extra: MessageHeaders = {}): Msg => ({
  kind: "other",
  bytes: codec.encode({
    headers: {
      ":event-type": str(type),
      ":content-type": str("application/json"),
      ":message-type": str("event"),
      ...extra,
    },
    body: utf8.encode(body),
  }),
});

/** A header of every type the event-stream format has. */
const EVERY_HEADER_TYPE: MessageHeaders = {
  "x-true": { type: "boolean", value: true },
  "x-false": { type: "boolean", value: false },
  "x-byte": { type: "byte", value: -7 },
  "x-short": { type: "short", value: -12345 },
  "x-integer": { type: "integer", value: 2_000_000_001 },
  "x-long": { type: "long", value: Int64.fromNumber(-9_007_199_254_740_991) },
  "x-binary": { type: "binary", value: Uint8Array.from({ length: 256 }, (_, i) => 255 - i) },
  "x-string": { type: "string", value: "héllo ✓ 日本語 🚀" },
  "x-timestamp": { type: "timestamp", value: new Date("2026-11-24T12:00:00.123Z") },
  "x-uuid": { type: "uuid", value: "0f8fad5b-d9cb-469f-a165-70867728950e" },
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** `bytes` with one bit flipped at `index` (negative: from the end). */
function flip(bytes: Uint8Array, index: number): Uint8Array {
  const out = bytes.slice();
  const at = index < 0 ? out.length + index : index;
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

/** CRC-32 (IEEE), written here so as to share neither client's. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A message with its prelude rewritten (total length, headers length) and both CRCs valid. */
function withPrelude(message: Uint8Array, total: number, headersLength: number): Uint8Array {
  const out = message.slice();
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(out.subarray(0, 8)));
  view.setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)));
  return out;
}

/** A 12-byte prelude claiming `total` bytes, with a valid CRC (and nothing after it). */
function preludeOnly(total: number, headersLength: number): Uint8Array {
  const out = new Uint8Array(12);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(out.subarray(0, 8)));
  return out;
}

const bytesOf = (messages: Msg[]) => concat(...messages.map((m) => m.bytes));

// --- The recorded streams ------------------------------------------------------------------------

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
const MODEL_STREAM_ERROR = {
  Message:
    'Received client error (400) from primary with message "{"error":"Input validation error: `inputs` tokens + `max_new_tokens` must be <= 4096"}".',
  ErrorCode: "ModelStreamError.ClientError",
};
const INTERNAL_STREAM_FAILURE = {
  Message: "An internal error occurred while streaming the response.",
};

// A Hugging Face TGI answer as SSE, then cut into parts in the middle of multi-byte characters,
// of lines and of the blank line between two events (as a container's writes fall).
const TGI_EVENTS = [
  { token: { id: 16_645, text: " Héllo", logprob: -0.11, special: false } },
  { token: { id: 31_107, text: " 日本語", logprob: -0.52, special: false } },
  { token: { id: 243, text: " 🚀", logprob: -1.2, special: false } },
  {
    token: { id: 2, text: "</s>", logprob: -0.01, special: true },
    generated_text: " Héllo 日本語 🚀",
    details: null,
  },
];
const TGI_SSE = utf8.encode(
  TGI_EVENTS.map(
    (e) => `data:${JSON.stringify({ generated_text: null, details: null, ...e })}\n\n`,
  ).join(""),
);
/** Where TGI_SSE is cut into parts: inside é, 日, 本, 🚀 (twice), a JSON line, and "\n|\n". */
const TGI_CUTS = (() => {
  const text = new TextDecoder().decode(TGI_SSE);
  const byteAt = (charIndex: number) => utf8.encode(text.slice(0, charIndex)).length;
  const cuts = [
    byteAt(text.indexOf("é")) + 1,
    byteAt(text.indexOf('"logprob"')) + 4,
    byteAt(text.indexOf("\n\n")) + 1,
    byteAt(text.indexOf("日")) + 1,
    byteAt(text.indexOf("本")) + 2,
    byteAt(text.indexOf("🚀")) + 1,
    byteAt(text.indexOf("🚀")) + 3,
    byteAt(text.lastIndexOf("🚀")) + 2,
    TGI_SSE.length - 1,
  ];
  return [...new Set(cuts)].sort((a, b) => a - b);
})();
const TGI_PARTS = [0, ...TGI_CUTS].map((start, i) =>
  TGI_SSE.slice(start, TGI_CUTS[i] ?? TGI_SSE.length),
);

/** Output headers as the service writes them. */
const STREAM_HEADERS: Record<string, string> = {
  "Content-Type": "application/vnd.amazon.eventstream",
  "X-Amzn-SageMaker-Content-Type": "text/event-stream",
  "x-Amzn-Invoked-Production-Variant": "AllTraffic",
  "X-Amzn-SageMaker-Custom-Attributes": "trace=1;model=2",
  "x-amzn-RequestId": "5b2e4a6c-0d1f-4e3a-9b8c-7d6e5f4a3b2c",
  "Transfer-Encoding": "chunked",
};

type Ending = "ModelStreamError" | "InternalStreamFailure" | "error frame" | "unknown exception";

interface StreamCase {
  name: string;
  messages: Msg[];
  /** How the stream ends when not cleanly. */
  ends?: Ending;
  headers?: Record<string, string>;
}

// Streams both clients read to the end, or to a service error after at least one part.
const WELL_FORMED: StreamCase[] = [
  {
    name: "text parts",
    messages: ["Hello", ", ", "wörld", " ✓ 日本語 🚀", "!"].map((t) => payloadPart(t)),
  },
  {
    name: "text parts, no output header at all",
    messages: ["a", "b"].map((t) => payloadPart(t)),
    headers: {},
  },
  {
    name: "binary parts: all 256 byte values, reversed, then split",
    messages: [
      payloadPart(ALL_BYTES),
      payloadPart(ALL_BYTES.slice().reverse()),
      ...split(ALL_BYTES, [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]).map((b) => payloadPart(b)),
    ],
  },
  {
    name: "empty parts among others",
    messages: [payloadPart(""), payloadPart("x"), payloadPart(""), payloadPart("")],
  },
  { name: "a single empty part", messages: [payloadPart("")] },
  {
    name: "a 16 KiB part between two small ones",
    messages: [
      payloadPart("{"),
      payloadPart(Uint8Array.from({ length: 16 * 1024 }, (_, i) => (i * 31 + 7) & 0xff)),
      payloadPart("}"),
    ],
  },
  {
    name: "TGI-style SSE cut mid-character and mid-line",
    messages: TGI_PARTS.map((b) => payloadPart(b)),
  },
  {
    name: "parts with a header of every type",
    messages: [payloadPart("one", EVERY_HEADER_TYPE), payloadPart("two", EVERY_HEADER_TYPE)],
  },
  {
    name: "unknown event types before, between and after the parts",
    messages: [
      unknownEvent("Heartbeat", "{}"),
      payloadPart("a"),
      unknownEvent("Metrics", '{"tokens":3}', EVERY_HEADER_TYPE),
      unknownEvent("PayloadPartV2", "ignored"),
      payloadPart("b"),
      unknownEvent("Trailer", ""),
    ],
  },
  { name: "an empty stream", messages: [] },
  {
    name: "only unknown events",
    messages: [unknownEvent("Heartbeat", "{}"), unknownEvent("Heartbeat", "{}")],
  },
  {
    name: "parts, then a ModelStreamError",
    messages: [
      payloadPart("data:{"),
      payloadPart('"x":1}\n\n'),
      exception("ModelStreamError", MODEL_STREAM_ERROR),
    ],
    ends: "ModelStreamError",
  },
  {
    name: "a part, then a ModelStreamError with only a Message",
    messages: [
      payloadPart("a"),
      exception("ModelStreamError", { Message: "Model stream failed." }),
    ],
    ends: "ModelStreamError",
  },
  {
    name: "parts, then an InternalStreamFailure",
    messages: [
      payloadPart("a"),
      payloadPart("b"),
      exception("InternalStreamFailure", INTERNAL_STREAM_FAILURE),
    ],
    ends: "InternalStreamFailure",
  },
  {
    name: "parts, then a ModelStreamError, then more parts (never read)",
    messages: [
      payloadPart("a"),
      exception("ModelStreamError", MODEL_STREAM_ERROR),
      payloadPart("b"),
    ],
    ends: "ModelStreamError",
  },
  {
    name: "parts, then a :message-type error frame",
    messages: [
      payloadPart("a"),
      payloadPart("b"),
      errorFrame("ThrottlingException", "Rate exceeded"),
    ],
    ends: "error frame",
  },
  {
    name: "parts, then an exception of a type the model does not have",
    messages: [payloadPart("a"), exception("ThrottlingException", { Message: "Rate exceeded" })],
    ends: "unknown exception",
  },
];

const DELIVERIES: { name: string; sizes: readonly number[] | "whole" }[] = [
  { name: "1-byte chunks", sizes: [1] },
  { name: "odd chunks (3, 7, 1, 13, 64)", sizes: [3, 7, 1, 13, 64] },
  { name: "whole", sizes: "whole" },
];

// --- Running both --------------------------------------------------------------------------------

interface Side {
  outcome: OperationOutcome;
  drained: Drained;
  /** Where the error came out: from send(), from the loop, or nowhere. */
  where: "send" | "loop" | "none";
  /** The error, wherever it came out. */
  error: unknown;
}

const INPUT = {
  EndpointName: "my-endpoint",
  Body: '{"inputs":"hello","parameters":{"max_new_tokens":20},"stream":true}',
  ContentType: "application/json",
};

async function runStream(
  bytes: Uint8Array,
  sizes: readonly number[] | "whole",
  headers: Record<string, string> = STREAM_HEADERS,
): Promise<{ aws: Side; sf: Side }> {
  const both = await runBothOperation(
    "InvokeEndpointWithResponseStream",
    { region: "us-east-1" },
    INPUT,
    { status: 200, headers, chunks: split(bytes, sizes) },
  );
  const side = async (outcome: OperationOutcome): Promise<Side> => {
    const drained: Drained = outcome.output
      ? await drain(outcome.output.Body, outcome.pulls)
      : { events: [], parts: [], error: undefined, pullsAtFirstEvent: undefined };
    const where = outcome.error ? "send" : drained.error ? "loop" : "none";
    return { outcome, drained, where, error: outcome.error ?? drained.error };
  };
  return { aws: await side(both.aws), sf: await side(both.sagefetch) };
}

const partsOf = (messages: Msg[]) =>
  messages.filter((m) => m.kind === "part").map((m) => Array.from(decodedPayload(m.bytes)));

/** The payload of an encoded message (to state what each part should be). */
function decodedPayload(message: Uint8Array): Uint8Array {
  return codec.decode(message).body;
}

/** Byte offset just past the first PayloadPart message (undefined when there is none). */
function endOfFirstPart(messages: Msg[]): number | undefined {
  let at = 0;
  for (const message of messages) {
    at += message.bytes.byteLength;
    if (message.kind === "part") return at;
  }
  return undefined;
}

const eventShape = (event: unknown) => ({
  keys: Object.keys(event as object).sort(),
  partKeys: Object.keys(prop(event, "PayloadPart") as object).sort(),
  bytesIsUint8Array: prop(prop(event, "PayloadPart"), "Bytes") instanceof Uint8Array,
});

const metadataOf = (value: unknown) => prop(value, "$metadata");

const OUTPUT_FIELDS = ["ContentType", "InvokedProductionVariant", "CustomAttributes"];
const fieldsSet = (output: Record<string, unknown> | undefined) =>
  Object.keys(output ?? {})
    .filter((key) => key !== "$metadata" && key !== "Body" && output?.[key] !== undefined)
    .sort();

// --- Well-formed streams -------------------------------------------------------------------------

describe.each(WELL_FORMED)("$name", (c) => {
  const bytes = bytesOf(c.messages);
  const expectedParts = (() => {
    // The parts before the first exception or error frame.
    const stop = c.messages.findIndex((m) => m.kind === "exception" || m.kind === "error");
    return partsOf(stop < 0 ? c.messages : c.messages.slice(0, stop));
  })();

  describe.each(DELIVERIES)("in $name", (delivery) => {
    let aws: Side;
    let sf: Side;

    beforeAll(async () => {
      ({ aws, sf } = await runStream(bytes, delivery.sizes, c.headers));
    });

    it("resolves send() in both clients", () => {
      expect(aws.outcome.error).toBeUndefined();
      expect(sf.outcome.error).toBeUndefined();
    });

    it("yields the same parts (bytes), the ones recorded", () => {
      expect(aws.drained.parts).toEqual(expectedParts);
      expect(sf.drained.parts).toEqual(aws.drained.parts);
    });

    it("yields events of the same shape ({ PayloadPart: { Bytes: Uint8Array } })", () => {
      expect(sf.drained.events.map(eventShape)).toEqual(aws.drained.events.map(eventShape));
    });

    it("ends the same way, after the same parts", () => {
      expect(sf.where).toBe(aws.where);
      expect(aws.where).toBe(c.ends ? "loop" : "none");
      expect(sf.drained.parts.length).toBe(aws.drained.parts.length);
    });

    it("reads no further than the first part before giving it (both decode incrementally)", () => {
      expect(sf.drained.pullsAtFirstEvent).toBe(aws.drained.pullsAtFirstEvent);
      const boundary = endOfFirstPart(c.messages);
      if (delivery.sizes !== "whole" && delivery.sizes[0] === 1 && delivery.sizes.length === 1) {
        // One byte a read: the read count is the byte offset.
        expect(aws.drained.pullsAtFirstEvent).toBe(boundary);
      }
    });

    it.each(OUTPUT_FIELDS)("has the same %s", (field) => {
      expect(prop(sf.outcome.output, field)).toBe(prop(aws.outcome.output, field));
    });

    it("has the same set of output fields (Body aside)", () => {
      expect(fieldsSet(sf.outcome.output)).toEqual(fieldsSet(aws.outcome.output));
    });

    it.each(["httpStatusCode", "requestId", "attempts"])("has the same $metadata.%s", (field) => {
      expect(prop(metadataOf(sf.outcome.output), field)).toBe(
        prop(metadataOf(aws.outcome.output), field),
      );
    });

    if (!c.ends) return;

    it("throws an error of the same name and message from the loop", () => {
      expect(aws.drained.error).toBeInstanceOf(Error);
      expect(prop(sf.drained.error, "name")).toBe(prop(aws.drained.error, "name"));
      if (c.ends === "unknown exception") {
        // By design: for an exception type the model does not have, the AWS SDK throws a bare
        // Error whose message is the raw JSON body; sagefetch reads `Message` out of it.
        expect(prop(aws.drained.error, "message")).toBe('{"Message":"Rate exceeded"}');
        expect(prop(sf.drained.error, "message")).toBe("Rate exceeded");
        return;
      }
      expect(prop(sf.drained.error, "message")).toBe(prop(aws.drained.error, "message"));
    });

    if (c.ends === "ModelStreamError" || c.ends === "InternalStreamFailure") {
      it.each(["$fault", "ErrorCode"])("throws an error with the same %s", (field) => {
        expect(prop(sf.drained.error, field)).toBe(prop(aws.drained.error, field));
      });

      it("throws an error with the same Message field", () => {
        // The AWS SDK builds a stream exception with Object.assign(new ErrCtor({}), { message },
        // body), so the body's `Message` stays on the error (unlike an HTTP error answer, where
        // it is moved into `message` and deleted). Code that reads `err.Message` sees it.
        expect(prop(sf.drained.error, "Message")).toBe(prop(aws.drained.error, "Message"));
      });

      it("throws an instance of its package's class of the same name", () => {
        expect(aws.drained.error).toBeInstanceOf(ownClass("aws", c.ends as string));
        expect(sf.drained.error).toBeInstanceOf(ownClass("sagefetch", c.ends as string));
        expect(sf.drained.error).toBeInstanceOf(sagefetch.SageMakerRuntimeServiceException);
      });

      it("has $metadata in sagefetch only (a documented difference)", () => {
        // The AWS SDK builds stream exceptions without $metadata (new ErrCtor({})); sagefetch
        // gives the answer's metadata, as for any other service error.
        expect(metadataOf(aws.drained.error)).toBeUndefined();
        expect(prop(metadataOf(sf.drained.error), "httpStatusCode")).toBe(200);
        expect(prop(metadataOf(sf.drained.error), "requestId")).toBe(
          c.headers?.["x-amzn-RequestId"] ?? STREAM_HEADERS["x-amzn-RequestId"],
        );
      });
    }

    if (c.ends === "error frame" || c.ends === "unknown exception") {
      it("throws a bare Error in the AWS SDK, a SageMakerRuntimeServiceException in sagefetch (by design)", () => {
        // The AWS SDK's getMessageUnmarshaller throws `new Error(message)` with only `name` set
        // for an error frame, or for an exception type it has no class for. sagefetch throws its
        // service exception, named by the code, so that `isInstance` and `$fault` work.
        expect(aws.drained.error).not.toBeInstanceOf(
          ownClass("aws", "SageMakerRuntimeServiceException"),
        );
        expect(prop(aws.drained.error, "$fault")).toBeUndefined();
        expect(sf.drained.error).toBeInstanceOf(sagefetch.SageMakerRuntimeServiceException);
        expect(prop(sf.drained.error, "$fault")).toBe(
          c.ends === "error frame" ? "server" : "client",
        );
      });
    }
  });
});

// --- A service error before any part -------------------------------------------------------------

// By design: the AWS SDK reads the first event inside send() (EventStreamSerde.deserializeEventStream
// awaits it to look for an initial-response), so a stream error that comes before any part makes
// send() reject. sagefetch resolves send() and throws the service's error from the loop (see
// InvokeEndpointWithResponseStreamCommand: a typed error from the stream is the caller's to meet in
// the loop). Either way no part is seen; name, message, $fault and ErrorCode must agree.
const ERROR_FIRST: StreamCase[] = [
  {
    name: "a ModelStreamError as the first message",
    messages: [exception("ModelStreamError", MODEL_STREAM_ERROR), payloadPart("never")],
    ends: "ModelStreamError",
  },
  {
    name: "an InternalStreamFailure as the first message",
    messages: [exception("InternalStreamFailure", INTERNAL_STREAM_FAILURE)],
    ends: "InternalStreamFailure",
  },
  {
    name: "an unknown event, then a ModelStreamError",
    messages: [unknownEvent("Heartbeat", "{}"), exception("ModelStreamError", MODEL_STREAM_ERROR)],
    ends: "ModelStreamError",
  },
  {
    name: "a :message-type error frame as the first message",
    messages: [errorFrame("InternalServerError", "We encountered an internal error.")],
    ends: "error frame",
  },
];

describe.each(ERROR_FIRST)("$name", (c) => {
  describe.each(DELIVERIES)("in $name", (delivery) => {
    let aws: Side;
    let sf: Side;

    beforeAll(async () => {
      ({ aws, sf } = await runStream(bytesOf(c.messages), delivery.sizes));
    });

    it("rejects send() in the AWS SDK, throws from the loop in sagefetch (by design)", () => {
      expect(aws.where).toBe("send");
      expect(sf.where).toBe("loop");
      expect(sf.outcome.output).toBeDefined();
    });

    it("gives no part in either", () => {
      expect(aws.drained.parts).toEqual([]);
      expect(sf.drained.parts).toEqual([]);
    });

    it("throws an error of the same name and message", () => {
      expect(prop(sf.error, "name")).toBe(prop(aws.error, "name"));
      const message = String(prop(aws.error, "message"));
      if (c.ends === "error frame") {
        // The AWS SDK's deserializer middleware appends a hint to an error without $metadata.
        expect(message).toMatch(/\n {2}Deserialization error: /);
        expect(prop(sf.error, "message")).toBe(message.split("\n")[0]);
        return;
      }
      expect(prop(sf.error, "message")).toBe(message);
    });

    if (c.ends !== "error frame") {
      it.each(["$fault", "ErrorCode"])("throws an error with the same %s", (field) => {
        expect(prop(sf.error, field)).toBe(prop(aws.error, field));
      });

      it("throws an instance of its package's class of the same name", () => {
        expect(aws.error).toBeInstanceOf(ownClass("aws", c.ends as string));
        expect(sf.error).toBeInstanceOf(ownClass("sagefetch", c.ends as string));
      });
    } else {
      it("throws a bare Error in the AWS SDK, a server-fault service exception in sagefetch (by design)", () => {
        expect(aws.error).not.toBeInstanceOf(ownClass("aws", "SageMakerRuntimeServiceException"));
        expect(sf.error).toBeInstanceOf(sagefetch.SageMakerRuntimeServiceException);
        expect(prop(sf.error, "$fault")).toBe("server");
      });
    }

    it("gives sagefetch's output the answer's headers (the AWS SDK gives no output)", () => {
      expect(prop(sf.outcome.output, "ContentType")).toBe("text/event-stream");
      expect(prop(sf.outcome.output, "InvokedProductionVariant")).toBe("AllTraffic");
      expect(prop(metadataOf(aws.error), "attempts")).toBe(1);
    });
  });
});

// --- Corrupt and truncated streams ---------------------------------------------------------------

// The two clients report corrupt framing with different errors by design: the AWS SDK throws the
// bare Error of its codec (messages below), sagefetch an EventStreamError whose `fault` says what
// was wrong. What must agree: both fail, from the same place (send() when no part came before the
// failure, else the loop), and every part before the failure is given, the same in both: each
// was checked against its own CRC and is valid.
const A = payloadPart("first part");
const B = payloadPart(ALL_BYTES);
const C = payloadPart("third part");
const D = payloadPart("fourth part");

interface CorruptCase {
  name: string;
  bytes: Uint8Array;
  /** The parts given before the failure. */
  good: Msg[];
  fault: sagefetch.EventStreamFault;
  /** What the AWS SDK's error says. */
  aws: RegExp;
}

const CORRUPT: CorruptCase[] = [
  {
    name: "prelude CRC of the first message corrupt",
    bytes: bytesOf([{ ...A, bytes: flip(A.bytes, 9) }, B]),
    good: [],
    fault: "prelude-checksum",
    aws: /prelude checksum/,
  },
  {
    name: "prelude CRC of the third message corrupt",
    bytes: concat(A.bytes, B.bytes, flip(C.bytes, 9), D.bytes),
    good: [A, B],
    fault: "prelude-checksum",
    aws: /prelude checksum/,
  },
  {
    name: "total length of the third message off by one",
    bytes: concat(A.bytes, B.bytes, flip(C.bytes, 3), D.bytes),
    good: [A, B],
    fault: "prelude-checksum",
    aws: /checksum|length/,
  },
  {
    name: "message CRC of the first message corrupt",
    bytes: concat(flip(A.bytes, -1), B.bytes),
    good: [],
    fault: "message-checksum",
    aws: /message checksum/,
  },
  {
    name: "message CRC of the third message corrupt",
    bytes: concat(A.bytes, B.bytes, flip(C.bytes, -1), D.bytes),
    good: [A, B],
    fault: "message-checksum",
    aws: /message checksum/,
  },
  {
    name: "a payload byte of the third message flipped",
    bytes: concat(A.bytes, B.bytes, flip(C.bytes, -6), D.bytes),
    good: [A, B],
    fault: "message-checksum",
    aws: /message checksum/,
  },
  {
    name: "a header byte of the third message flipped",
    bytes: concat(A.bytes, B.bytes, flip(C.bytes, 14), D.bytes),
    good: [A, B],
    fault: "message-checksum",
    aws: /message checksum/,
  },
  {
    name: "headers length larger than the message (CRCs valid)",
    bytes: concat(A.bytes, withPrelude(C.bytes, C.bytes.length, C.bytes.length), D.bytes),
    good: [A],
    fault: "length",
    aws: /./,
  },
  {
    name: "total length 10, below the 16-byte minimum (CRC valid)",
    bytes: concat(A.bytes, B.bytes, preludeOnly(10, 0), D.bytes),
    good: [A, B],
    fault: "length",
    aws: /too short/,
  },
  {
    name: "truncated inside the first message",
    bytes: A.bytes.slice(0, 30),
    good: [],
    fault: "truncated",
    aws: /Truncated event message/,
  },
  {
    name: "truncated inside the third message's prelude (9 bytes of it)",
    bytes: concat(A.bytes, B.bytes, C.bytes.slice(0, 9)),
    good: [A, B],
    fault: "truncated",
    aws: /Truncated event message/,
  },
  {
    name: "truncated inside the third message's headers",
    bytes: concat(A.bytes, B.bytes, C.bytes.slice(0, 20)),
    good: [A, B],
    fault: "truncated",
    aws: /Truncated event message/,
  },
  {
    name: "truncated inside the third message's payload",
    bytes: concat(A.bytes, B.bytes, C.bytes.slice(0, C.bytes.length - 8)),
    good: [A, B],
    fault: "truncated",
    aws: /Truncated event message/,
  },
  {
    name: "truncated before the third message's message CRC",
    bytes: concat(A.bytes, B.bytes, C.bytes.slice(0, C.bytes.length - 4)),
    good: [A, B],
    fault: "truncated",
    aws: /Truncated event message/,
  },
];

describe.each(CORRUPT)("$name", (c) => {
  describe.each(DELIVERIES)("in $name", (delivery) => {
    let aws: Side;
    let sf: Side;

    beforeAll(async () => {
      ({ aws, sf } = await runStream(c.bytes, delivery.sizes));
    });

    it("makes the AWS SDK fail with its codec's error, after the parts before the fault", () => {
      expect(aws.error).toBeInstanceOf(Error);
      expect(String(prop(aws.error, "message"))).toMatch(c.aws);
      expect(aws.drained.parts).toEqual(partsOf(c.good));
      expect(aws.where).toBe(c.good.length > 0 ? "loop" : "send");
    });

    it("makes sagefetch fail with an EventStreamError naming the fault", () => {
      expect(sf.error).toBeInstanceOf(sagefetch.EventStreamError);
      expect(prop(sf.error, "fault")).toBe(c.fault);
    });

    it("gives in sagefetch the same parts before the failure as the AWS SDK", () => {
      expect(sf.drained.parts).toEqual(aws.drained.parts);
    });

    it("fails from the same place (send() when no part came first, else the loop)", () => {
      expect(sf.where).toBe(aws.where);
    });
  });
});

// --- Where the AWS SDK is lenient, by design of sagefetch ----------------------------------------

describe.each(DELIVERIES)(
  "a stream cut inside the next message's 4-byte length field, in $name",
  (delivery) => {
    // The AWS SDK's getChunkedStream only notices a truncated message once it has read the 4-byte
    // total length: with 1 to 3 bytes of it left at the end, it ends the stream cleanly and drops
    // them. sagefetch reports the truncation.
    it.each([1, 2, 3])(
      "with %i byte(s) of it: the AWS SDK ends cleanly, sagefetch throws",
      async (n) => {
        const { aws, sf } = await runStream(
          concat(A.bytes, B.bytes, C.bytes.slice(0, n)),
          delivery.sizes,
        );
        expect(aws.where).toBe("none");
        expect(aws.drained.parts).toEqual(partsOf([A, B]));
        expect(sf.drained.parts).toEqual(aws.drained.parts);
        expect(sf.where).toBe("loop");
        expect(sf.error).toBeInstanceOf(sagefetch.EventStreamError);
        expect(prop(sf.error, "fault")).toBe("truncated");
      },
    );
  },
);

describe.each(DELIVERIES)(
  "a message of an unknown :message-type between parts, in $name",
  (delivery) => {
    // The AWS SDK's getMessageUnmarshaller means to throw `Unrecognizable event type` for it, but
    // reads `:event-type` (absent) first and throws a TypeError. sagefetch skips the message, as
    // it skips events of an unknown type.
    it("makes the AWS SDK throw a TypeError after the first part; sagefetch skips it", async () => {
      const odd: Msg = {
        kind: "other",
        bytes: codec.encode({
          headers: { ":message-type": str("keepalive") },
          body: utf8.encode("x"),
        }),
      };
      const { aws, sf } = await runStream(bytesOf([A, odd, C]), delivery.sizes);
      expect(aws.drained.parts).toEqual(partsOf([A]));
      expect(aws.drained.error).toBeInstanceOf(TypeError);
      expect(sf.where).toBe("none");
      expect(sf.drained.parts).toEqual(partsOf([A, C]));
    });
  },
);
