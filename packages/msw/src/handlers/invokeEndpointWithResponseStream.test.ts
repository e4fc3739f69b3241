import { plainHeaders, readEventStream } from "@sagefetch/testing/eventStream";
import { afterEach, describe, expect, it } from "vitest";
import {
  internalStreamFailure,
  type ModelRequest,
  modelError,
  modelStreamError,
  sageMakerHandlers,
  unmodeledStreamError,
} from "../index";
import { fromUtf8 } from "../internal/bytes";
import { invoke, STREAM_ACTION, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

const seen: ModelRequest[] = [];

function failing(error: unknown) {
  return () => ({
    stream: (async function* () {
      yield "first";
      throw error;
    })(),
  });
}

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: {
    tokens: {
      model: (request) => {
        seen.push(request);
        // "€" is e2 82 ac: cut across two parts, as a model may.
        const parts = ["Hel", "lo ", Uint8Array.of(0xe2, 0x82), Uint8Array.of(0xac)];
        return { stream: parts, contentType: "text/plain", customAttributes: "c=1" };
      },
      variants: ["blue", "green"],
    },
    plain: () => ({ body: { a: 1 } }),
    generator: () => ({
      stream: (function* () {
        yield "a";
        yield "b";
      })(),
    }),
    broken: () => {
      throw modelError(500, "CUDA out of memory");
    },
    "mid-model": failing(modelStreamError("TokenLimit", "too many tokens")),
    "mid-internal": failing(internalStreamFailure("lost the GPU")),
    "mid-generic": failing(new Error("oops")),
    "mid-unmodeled": failing(unmodeledStreamError("InternalError", "kaput")),
    "bad-chunk": () => ({ stream: [42 as unknown as string] }),
  },
});
serveMock(mock);
afterEach(() => {
  seen.length = 0;
});

function stream(name: string, headers: Record<string, string> = {}) {
  return invoke(name, { action: STREAM_ACTION, headers });
}

async function parts(response: Response) {
  const read = await readEventStream(response.body);
  return {
    error: read.error,
    messages: read.messages.map((m) => ({
      headers: plainHeaders(m),
      payload: fromUtf8(m.payload),
    })),
  };
}

const PART = {
  ":message-type": "event",
  ":event-type": "PayloadPart",
  ":content-type": "application/octet-stream",
};

describe("InvokeEndpointWithResponseStream", () => {
  it("answers 200 with an event stream, one PayloadPart per chunk of the model's stream", async () => {
    const response = await stream("tokens", { "x-amzn-sagemaker-target-variant": "green" });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/vnd.amazon.eventstream",
      "x-amzn-sagemaker-content-type": "text/plain",
      "x-amzn-invoked-production-variant": "green",
      "x-amzn-sagemaker-custom-attributes": "c=1",
      date: "Tue, 24 Nov 2026 12:00:00 GMT",
    });
    const read = await readEventStream(response.body);
    expect(read.error).toBeUndefined();
    expect(read.messages.map(plainHeaders)).toEqual([PART, PART, PART, PART]);
    expect(fromUtf8(new Uint8Array(read.messages.flatMap((m) => [...m.payload])))).toBe("Hello €");
    expect(read.messages.map((m) => m.payload.length)).toEqual([3, 3, 2, 1]);
    expect(mock.requests[0]).toMatchObject({
      operation: "InvokeEndpointWithResponseStream",
      status: 200,
      streamedParts: 4,
      accessKeyId: "AKIDEXAMPLE",
    });
  });

  it("gives the model X-Amzn-SageMaker-Accept as its accept, and Content-Type", async () => {
    await (
      await stream("tokens", { accept: "text/html", "x-amzn-sagemaker-accept": "text/plain" })
    ).arrayBuffer();
    expect(seen[0]).toMatchObject({
      operation: "InvokeEndpointWithResponseStream",
      accept: "text/plain",
      contentType: "application/json",
      variant: expect.stringMatching(/^(blue|green)$/),
      invocation: 1,
    });
  });

  it("sends a plain body as one part, and takes sync iterables", async () => {
    const plain = await stream("plain");
    expect(plain.headers.get("x-amzn-sagemaker-content-type")).toBe("application/json");
    expect((await parts(plain)).messages).toEqual([{ headers: PART, payload: '{"a":1}' }]);
    const generator = await parts(await stream("generator"));
    expect(generator.messages.map((m) => m.payload)).toEqual(["a", "b"]);
  });

  it("validates and fails like InvokeEndpoint before answering", async () => {
    const codes = async (r: Response) => [
      r.status,
      r.headers.get("x-amzn-errortype")?.split(":")[0],
    ];
    expect(await codes(await stream("nope"))).toEqual([400, "ValidationError"]);
    expect(await codes(await stream("bad_name"))).toEqual([400, "ValidationError"]);
    expect(
      await codes(await stream("tokens", { "x-amzn-sagemaker-target-variant": "red" })),
    ).toEqual([400, "ValidationError"]);
    const broken = await stream("broken");
    expect([broken.status, (await broken.json()).OriginalMessage]).toEqual([
      424,
      "CUDA out of memory",
    ]);
  });

  it("refuses NEW_SESSION: this operation only joins an existing session", async () => {
    const response = await stream("tokens", { "x-amzn-sagemaker-session-id": "NEW_SESSION" });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(
      "1 validation error detected: Value 'NEW_SESSION' at 'sessionId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$",
    );
  });

  it("answers the faults that come before the answer, as InvokeEndpoint does", async () => {
    mock.faults.throttle(1).statusSequence([503]).html(502).drop().delay(30);
    expect((await stream("plain")).status).toBe(400);
    expect((await stream("plain")).status).toBe(503);
    expect((await stream("plain")).headers.get("content-type")).toBe("text/html");
    await expect(stream("plain")).rejects.toThrow(TypeError);
    const delayed = await stream("plain");
    expect((await parts(delayed)).messages).toHaveLength(1);
  });
});

describe("errors in the middle of a stream", () => {
  const exception = (type: string) => ({
    ":message-type": "exception",
    ":exception-type": type,
    ":content-type": "application/json",
  });

  it.each([
    [
      "mid-model",
      exception("ModelStreamError"),
      '{"Message":"too many tokens","ErrorCode":"TokenLimit"}',
    ],
    ["mid-internal", exception("InternalStreamFailure"), '{"Message":"lost the GPU"}'],
    ["mid-generic", exception("ModelStreamError"), '{"Message":"oops","ErrorCode":"ModelError"}'],
  ])("%s: the parts so far, then an exception message", async (name, headers, payload) => {
    const response = await stream(name);
    expect(response.status).toBe(200);
    const read = await parts(response);
    expect(read.error).toBeUndefined();
    expect(read.messages).toEqual([
      { headers: PART, payload: "first" },
      { headers, payload },
    ]);
    expect(mock.requests[0]?.streamedParts).toBe(1);
  });

  it("unmodeledStreamError: an error message with :error-code and :error-message", async () => {
    const read = await parts(await stream("mid-unmodeled"));
    expect(read.messages[1]).toEqual({
      headers: {
        ":message-type": "error",
        ":error-code": "InternalError",
        ":error-message": "kaput",
      },
      payload: "",
    });
  });

  it("a chunk that is neither bytes nor text ends the stream with ModelStreamError", async () => {
    const read = await parts(await stream("bad-chunk"));
    expect(read.messages[0]?.headers[":exception-type"]).toBe("ModelStreamError");
    expect(read.messages[0]?.payload).toMatch(/yielded number/);
  });
});
