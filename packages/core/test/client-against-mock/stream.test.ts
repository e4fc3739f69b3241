import { modelStreamError } from "@sagefetch/msw";
import { demoEndpoints } from "@sagefetch/testing/demoEndpoints";
import { setupMockService } from "@sagefetch/testing/startMock";
import { startTransport as startInPage } from "@sagefetch/testing/transports/fetch";
import { afterEach, describe, expect, it } from "vitest";
import {
  AbortError,
  EventStreamError,
  InvokeEndpointWithResponseStreamCommand,
  ModelStreamError,
  type ResponseStreamEvent,
  readTextChunks,
  readTokens,
  TimeoutError,
} from "../../src/index";
import { tickingModel } from "../faults/support";

// A model the test drives: it streams a part each time the test releases one.
// A release given before the model waits is kept as a credit, so the order never deadlocks.
const gate = {
  credits: 0,
  waiting: [] as (() => void)[],
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.credits++;
  },
  wait(): Promise<void> {
    if (this.credits > 0) {
      this.credits--;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  },
  finished: false,
};

const service = setupMockService({
  endpoints: {
    ...demoEndpoints,
    parts: () => ({
      stream: (async function* () {
        for (const part of ["one ", "two ", "three"]) yield part;
      })(),
      contentType: "text/plain",
    }),
    gated: () => ({
      stream: (async function* () {
        try {
          for (let i = 0; i < 3; i++) {
            await gate.wait();
            yield `part ${i}`;
          }
        } finally {
          gate.finished = true;
        }
      })(),
    }),
    endless: tickingModel(() => {
      gate.finished = true;
    }),
    failing: () => ({
      stream: (async function* () {
        yield "before ";
        yield "the error ";
        throw modelStreamError("ModelError", "the model crashed");
      })(),
    }),
    stalls: () => ({
      stream: (async function* () {
        yield "first";
        await new Promise(() => {});
      })(),
    }),
  },
});
afterEach(() => {
  gate.waiting = [];
  gate.credits = 0;
  gate.finished = false;
});

/**
 * Config for the tests about cancelling and cut bodies. MSW's service worker (Chromium) does
 * not pass a page's cancel on to the handler, and shows a cut body's error before the parts
 * already sent; these tests are about the client, so in Chromium they reach the same handlers
 * from the page itself.
 */
async function direct(): Promise<{ fetch?: typeof fetch }> {
  if (service.runtime !== "chromium") return {};
  return { fetch: (await startInPage(service.mock.handlers)).fetch };
}

const stream = (EndpointName: string, config = {}, abortSignal?: AbortSignal) =>
  service.client(config).send(
    new InvokeEndpointWithResponseStreamCommand({
      EndpointName,
      Body: '{"inputs":"Hello there"}',
      ContentType: "application/json",
    }),
    {
      abortSignal,
    },
  );
const texts = async (body: AsyncIterable<ResponseStreamEvent>) => {
  const out: string[] = [];
  for await (const text of readTextChunks(body)) out.push(text);
  return out;
};
async function drain(body: AsyncIterable<ResponseStreamEvent>) {
  const parts: string[] = [];
  try {
    for await (const event of body) parts.push(new TextDecoder().decode(event.PayloadPart.Bytes));
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

describe("InvokeEndpointWithResponseStream against the mock service", () => {
  it("yields the parts in order, with the output headers", async () => {
    const out = await stream("parts");
    expect(out.ContentType).toBe("text/plain");
    expect(out.InvokedProductionVariant).toBe("AllTraffic");
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    expect(await texts(out.Body)).toEqual(["one ", "two ", "three"]);
  });

  it.each(["whole", "byte", "coalesce", [3, 7, 1, 13]] as const)(
    "decodes the same however the bytes are cut (%j)",
    async (chunking) => {
      service.mock.stream.set({ chunking: chunking as never });
      const out = await stream("chat");
      const tokens: string[] = [];
      for await (const token of readTokens(out.Body)) tokens.push(token);
      expect(tokens.join("")).toBe('Turn 1: you said "Hello there".');
    },
  );

  it("gives each part to the caller before the model has finished", async () => {
    const pending = stream("gated");
    gate.release();
    const out = await pending;
    const iterator = out.Body[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(new TextDecoder().decode(first.value?.PayloadPart.Bytes)).toBe("part 0");
    expect(gate.finished).toBe(false);
    gate.release();
    expect(new TextDecoder().decode((await iterator.next()).value?.PayloadPart.Bytes)).toBe(
      "part 1",
    );
    gate.release();
    await iterator.next();
    expect((await iterator.next()).done).toBe(true);
  });

  it("throws a ModelStreamError from the loop, after the parts that came before it", async () => {
    const { parts, error } = await drain((await stream("failing")).Body);
    expect(parts).toEqual(["before ", "the error "]);
    expect(error).toBeInstanceOf(ModelStreamError);
    expect(error).toMatchObject({
      name: "ModelStreamError",
      ErrorCode: "ModelError",
      message: "the model crashed",
    });
    expect(service.mock.requests).toHaveLength(1);
  });

  it("a corrupt message is an EventStreamError after the intact parts", async () => {
    service.mock.faults.corruptStream(2, "message");
    const { parts, error } = await drain((await stream("parts")).Body);
    expect(parts).toEqual(["one ", "two "]);
    expect(error).toBeInstanceOf(EventStreamError);
    expect((error as EventStreamError).fault).toBe("message-checksum");
  });

  it("a stream cut short is an error, the parts before it kept, and never retried", async () => {
    const config = await direct();
    service.mock.faults.truncateStream(1);
    const { parts, error } = await drain((await stream("parts", config)).Body);
    expect(parts).toEqual(["one "]);
    expect(error).toBeInstanceOf(Error);
    service.reset();
    service.mock.faults.cutStream(2);
    const cut = await drain((await stream("parts", config)).Body);
    expect(cut.parts).toEqual(["one ", "two "]);
    expect(cut.error).toBeInstanceOf(Error);
    expect(service.mock.requests).toHaveLength(1);
  });

  it("a failure before the first part is retried like any call", async () => {
    service.mock.faults.throttle(1).cutStream(0);
    const out = await stream("parts");
    expect(await texts(out.Body)).toEqual(["one ", "two ", "three"]);
    expect(out.$metadata.attempts).toBe(3);
  });

  it("breaking out of the loop cancels the request", async () => {
    const out = await stream("endless", await direct());
    let count = 0;
    for await (const _ of out.Body) if (++count === 3) break;
    await expect.poll(() => gate.finished, { timeout: 10_000 }).toBe(true);
  });

  it("the call's abortSignal ends the loop with an AbortError and cancels the request", async () => {
    const controller = new AbortController();
    const out = await stream("endless", await direct(), controller.signal);
    const iterator = out.Body[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(AbortError);
    await expect.poll(() => gate.finished, { timeout: 10_000 }).toBe(true);
  });

  it("a stream that stalls ends with a TimeoutError after requestTimeout", async () => {
    const out = await stream("stalls", { requestTimeout: 150 });
    const { parts, error } = await drain(out.Body);
    expect(parts).toEqual(["first"]);
    expect(error).toBeInstanceOf(TimeoutError);
  });
});
