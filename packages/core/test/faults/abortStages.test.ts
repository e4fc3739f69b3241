// Fault matrix: the caller aborts at every stage of a call. Each stage is set up so that,
// without the abort, the call would wait for an hour or for ever: a rejection therefore comes
// from the abort, at once. The request is cancelled: the signal given to fetch fired, and a
// body being read was cancelled.

import { demoEndpoints } from "@sagefetch/testing/demoEndpoints";
import { type MockService, setupMockService } from "@sagefetch/testing/startMock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AbortError,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  type InvokeEndpointWithResponseStreamCommandOutput,
  STANDARD_2026,
  StandardRetryStrategy,
} from "../../src/index";
import { probeFetch, settleAll, tickingModel, watchUnhandledRejections } from "./support";

/** What a model waits on; released after each test so nothing is left pending. */
let gate: { wait: Promise<void>; release: () => void };
let streamFinished = false;
const newGate = () => {
  let release = () => {};
  const wait = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { wait, release };
};

const service = setupMockService({
  endpoints: {
    ...demoEndpoints,
    held: async () => {
      await gate.wait;
      return { body: "too late" };
    },
    // Streams one part, then nothing until released.
    heldStream: () => ({
      stream: (async function* () {
        yield "p0 ";
        await gate.wait;
        yield "p1";
      })(),
    }),
    stallsBeforeFirstPart: () => ({
      stream: (async function* () {
        await gate.wait;
        yield "p0";
      })(),
    }),
    ticking: tickingModel(() => {
      streamFinished = true;
    }),
  },
});
beforeEach(() => {
  gate = newGate();
  streamFinished = false;
});
// Runs before the mock's reset (after-hooks run last registered first).
afterEach(() => gate.release());

/** Retries after throttling wait an hour (full jitter at 1): only an abort ends the wait. */
const HOUR = 3_600_000;
const hourLongBackoff = () =>
  new StandardRetryStrategy(
    { ...STANDARD_2026, throttlingBaseDelayMs: HOUR, maxDelayMs: HOUR },
    () => 1,
  );

interface Stage {
  /** Sets up the call; resolves with the promise the caller awaits and where to abort. */
  run(signal: AbortSignal, abort: () => void): Promise<unknown>;
  /** Requests the service saw. */
  requests: number;
  /**
   * How the request in flight is cancelled: its fetch signal fires (before the call has
   * answered), or its body is cancelled (a stream the caller is reading); `none`: nothing was
   * in flight at the abort, and nothing is sent after it.
   */
  cancelled: "signal" | "body" | "none";
  stallBody?: boolean;
  /** The model streams for ever: it must have been stopped. */
  stopsModel?: boolean;
  config?: Parameters<MockService["client"]>[0];
}

let client: ReturnType<MockService["client"]>;
const invoke = (EndpointName: string, signal: AbortSignal) =>
  client.send(new InvokeEndpointCommand({ EndpointName, Body: "x" }), { abortSignal: signal });
const stream = (EndpointName: string, signal: AbortSignal) =>
  client.send(new InvokeEndpointWithResponseStreamCommand({ EndpointName, Body: "x" }), {
    abortSignal: signal,
  });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Resolves once the mock has received `n` requests (the call reached the network). */
const received = (n: number) => expect.poll(() => service.mock.requests.length).toBe(n);

const STAGES: [string, Stage][] = [
  [
    "before signing, while the credentials provider is pending",
    {
      config: { credentials: () => new Promise(() => {}) },
      run: async (signal, abort) => {
        const pending = invoke("echo", signal);
        await tick();
        abort();
        return pending;
      },
      requests: 0,
      cancelled: "none",
    },
  ],
  [
    "in flight, before the answer's headers",
    {
      run: async (signal, abort) => {
        const pending = invoke("held", signal);
        await received(1);
        abort();
        return pending;
      },
      requests: 1,
      cancelled: "signal",
    },
  ],
  [
    "during the wait between retries",
    {
      run: async (signal, abort) => {
        service.mock.faults.throttle(1);
        const waiting = newGate();
        client = service.client({
          retryStrategy: hourLongBackoff(),
          fetch: client.config.fetch,
          // The client logs the retry just before it starts waiting.
          logger: { debug: () => waiting.release(), info() {}, warn() {}, error() {} },
        });
        const pending = invoke("echo", signal);
        await waiting.wait;
        await tick();
        abort();
        return pending;
      },
      requests: 1,
      cancelled: "none",
    },
  ],
  [
    "mid-response: headers in, the body stalled",
    {
      stallBody: true,
      run: async (signal, abort) => {
        const pending = invoke("echo", signal);
        await received(1);
        await tick();
        abort();
        return pending;
      },
      requests: 1,
      cancelled: "signal",
    },
  ],
  [
    "mid-stream, before the first part",
    {
      run: async (signal, abort) => {
        const pending = stream("stallsBeforeFirstPart", signal);
        await received(1);
        abort();
        return pending;
      },
      requests: 1,
      cancelled: "signal",
    },
  ],
  [
    "mid-stream, between two parts",
    {
      run: async (signal, abort) => {
        const out = await stream("ticking", signal);
        const iterator = out.Body[Symbol.asyncIterator]();
        await iterator.next();
        abort();
        return iterator.next();
      },
      requests: 1,
      cancelled: "body",
      stopsModel: true,
    },
  ],
  [
    "mid-stream, while the caller waits for the next part",
    {
      run: async (signal, abort) => {
        const out: InvokeEndpointWithResponseStreamCommandOutput = await stream(
          "heldStream",
          signal,
        );
        const iterator = out.Body[Symbol.asyncIterator]();
        await iterator.next();
        const next = iterator.next();
        await tick();
        abort();
        return next;
      },
      requests: 1,
      cancelled: "body",
    },
  ],
];

describe("abort at every stage", () => {
  it.each(STAGES)("%s", async (_label, stage) => {
    const unhandled = watchUnhandledRejections();
    const probe = probeFetch(() => service.fetch, {
      stallBody: stage.stallBody,
    });
    client = service.client({ fetch: probe.fetch, ...stage.config });
    const controller = new AbortController();
    const reason = new Error("the user went away");
    const [result] = await settleAll([
      stage.run(controller.signal, () => controller.abort(reason)),
    ]);
    expect(result?.status).toBe("rejected");
    const error = (result as { reason: unknown }).reason;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ name: "AbortError", cause: reason });
    expect((error as Error).message).toMatch(/^InvokeEndpoint\S* on endpoint "\w+" was aborted\.$/);
    // No attempt after the abort, and the one in flight is cancelled.
    expect(service.mock.requests).toHaveLength(stage.requests);
    expect(probe.requests).toHaveLength(stage.requests);
    const last = probe.requests.at(-1);
    if (stage.cancelled === "signal") expect(last?.signal?.aborted).toBe(true);
    if (stage.cancelled === "body") expect(last?.bodyCancelled).toBe(true);
    if (stage.stopsModel) await expect.poll(() => streamFinished).toBe(true);
    expect(await unhandled.stop()).toEqual([]);
  });
});
