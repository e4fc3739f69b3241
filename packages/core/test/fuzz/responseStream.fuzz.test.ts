// Property test of a whole response stream through the client: random events (parts, events of
// other types, the service's exceptions and errors), cut at random, sometimes corrupted or
// stopped short. The caller gets exactly the parts before the first failure, then one typed
// error, from `send` or from the loop; never a hang, never a retry of bytes already given.
import { encodeEventMessage } from "@sagefetch/msw";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EventStreamError,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
  SageMakerRuntimeServiceException,
} from "../../src/index";
import { drain, settleAll } from "../faults/support";
import { chunk, chunkSizes, concat } from "./arbitraries";

type Event =
  | { kind: "part"; text: string }
  | { kind: "other" }
  | { kind: "exception"; type: string; message: string }
  | { kind: "error"; code: string; message: string };

const utf8 = new TextEncoder();
const text = fc.string({ unit: "grapheme", maxLength: 12 });
const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 6, arbitrary: text.map((t) => ({ kind: "part" as const, text: t })) },
  { weight: 1, arbitrary: fc.constant({ kind: "other" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("exception" as const),
      type: fc.constantFrom("ModelStreamError", "InternalStreamFailure", "SomethingNew"),
      message: text,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("error" as const),
      code: fc.constantFrom("InternalError", "ThrottlingException"),
      message: text,
    }),
  },
);

function encode(e: Event): Uint8Array {
  const bytes = (value: string) => utf8.encode(value);
  switch (e.kind) {
    case "part":
      return encodeEventMessage({
        headers: { ":message-type": "event", ":event-type": "PayloadPart" },
        payload: bytes(e.text),
      });
    case "other":
      return encodeEventMessage({
        headers: { ":message-type": "event", ":event-type": "Heartbeat" },
        payload: bytes("{}"),
      });
    case "exception":
      return encodeEventMessage({
        headers: { ":message-type": "exception", ":exception-type": e.type },
        payload: bytes(JSON.stringify({ Message: e.message, ErrorCode: "E1" })),
      });
    case "error":
      return encodeEventMessage({
        headers: { ":message-type": "error", ":error-code": e.code, ":error-message": e.message },
        payload: new Uint8Array(0),
      });
  }
}

/** What the caller must see: the parts, then the error's name and message (or fault). */
function expected(events: Event[], broken: number | undefined, fault: string | undefined) {
  const parts: string[] = [];
  for (const [i, e] of events.entries()) {
    if (i === broken) return { parts, error: { name: "EventStreamError", fault } };
    if (e.kind === "part") parts.push(e.text);
    if (e.kind === "exception") return { parts, error: { name: e.type, message: e.message } };
    if (e.kind === "error") return { parts, error: { name: e.code, message: e.message } };
  }
  return { parts, error: undefined };
}

function client(body: Uint8Array[]): SageMakerRuntimeClient {
  return new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "fuzz-secret" },
    fetch: async () => {
      let i = 0;
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            const next = body[i++];
            if (next) controller.enqueue(next);
            else controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(stream, {
        status: 200,
        headers: { "content-type": "application/vnd.amazon.eventstream" },
      });
    },
  });
}

async function call(body: Uint8Array[]) {
  try {
    const out = await client(body).send(
      new InvokeEndpointWithResponseStreamCommand({ EndpointName: "fuzz", Body: "{}" }),
    );
    expect(out.$metadata.attempts).toBe(1);
    return await drain(out.Body);
  } catch (error) {
    // Failed before the first part: thrown by `send` itself, after one attempt only.
    expect(error).toMatchObject({ $metadata: { attempts: 1 } });
    return { parts: [], error };
  }
}

describe("a response stream through the client, property-based", () => {
  it("the parts before the first failure, then one typed error; never a hang", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 8 }),
        chunkSizes,
        fc.option(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }))),
        fc.option(fc.nat()),
        async (generated, sizes, corruption, stop) => {
          let events = generated;
          const messages = events.map(encode);
          const bytes = concat(messages);
          // Where the stream breaks: a flipped byte in message `k`, or an end inside message `k`.
          let broken: number | undefined;
          let fault: string | undefined;
          let end = bytes.length;
          if (corruption && messages.length > 0) {
            const [which, offset, mask] = corruption;
            broken = which % messages.length;
            const start = messages.slice(0, broken).reduce((n, m) => n + m.length, 0);
            const at = start + (offset % (messages[broken] as Uint8Array).length);
            bytes[at] = (bytes[at] as number) ^ mask;
          } else if (stop !== null && bytes.length > 0) {
            // The stream ends early: inside message `k` (an error), or between two (none).
            end = stop % bytes.length;
            let k = 0;
            let start = 0;
            while (start + (messages[k] as Uint8Array).length <= end)
              start += (messages[k++] as Uint8Array).length;
            if (start === end) events = events.slice(0, k);
            else [broken, fault] = [k, "truncated"];
          }
          const [result] = await settleAll([call(chunk(bytes.subarray(0, end), sizes))], 5000);
          expect(result?.status).toBe("fulfilled");
          const got = (result as { value: { parts: string[]; error: unknown } }).value;
          const want = expected(events, broken, fault);
          expect(got.parts).toEqual(want.parts);
          if (want.error === undefined) {
            expect(got.error).toBeUndefined();
            return;
          }
          expect(got.error).toMatchObject({ $metadata: { httpStatusCode: 200 } });
          if (want.error.name === "EventStreamError") {
            expect(got.error).toBeInstanceOf(EventStreamError);
            if (want.error.fault) expect(got.error).toMatchObject({ fault: want.error.fault });
          } else {
            expect(SageMakerRuntimeServiceException.isInstance(got.error)).toBe(true);
            expect(got.error).toMatchObject(want.error);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
