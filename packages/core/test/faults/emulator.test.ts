// Fault matrix over real HTTP: the sagefetch-emulator on loopback, with its faults on. Node
// only (the emulator is a Node server). Real sockets: a dropped connection is a reset, a cut
// stream a closed socket, an abort a closed connection the server sees.

import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { demoCredentials, demoEndpoints } from "@sagefetch/msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AbortError,
  InvokeEndpointAsyncCommand,
  type InvokeEndpointAsyncCommandOutput,
  InvokeEndpointCommand,
  type InvokeEndpointCommandOutput,
  InvokeEndpointWithResponseStreamCommand,
  type InvokeEndpointWithResponseStreamCommandOutput,
  SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
  STANDARD_2026,
  StandardRetryStrategy,
} from "../../src/index";
import {
  drain,
  expectTypedError,
  settleAll,
  tickingModel,
  watchUnhandledRejections,
} from "./support";

const PARTS = ["p0 ", "p1 ", "p2"];
let emulator: Emulator;
let lines: string[] = [];
let tickingStopped = false;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    log: (line) => lines.push(line),
    endpoints: {
      ...demoEndpoints,
      parts: () => ({ stream: PARTS, contentType: "text/plain" }),
      ticking: tickingModel(() => {
        tickingStopped = true;
      }),
    },
  });
});
afterEach(() => {
  emulator.mock.reset();
  lines = [];
  tickingStopped = false;
});
afterAll(() => emulator.close());

const client = (config: SageMakerRuntimeClientConfig = {}) =>
  new SageMakerRuntimeClient({
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: demoCredentials,
    retryStrategy: new StandardRetryStrategy(STANDARD_2026, () => 0),
    ...config,
  });
const invoke = (c: SageMakerRuntimeClient, Body = "x") =>
  c.send(new InvokeEndpointCommand({ EndpointName: "echo", Body }));
const stream = (c: SageMakerRuntimeClient, signal?: AbortSignal) =>
  c.send(new InvokeEndpointWithResponseStreamCommand({ EndpointName: "parts", Body: "x" }), {
    abortSignal: signal,
  });
const asyncInvoke = (c: SageMakerRuntimeClient) =>
  c.send(new InvokeEndpointAsyncCommand({ EndpointName: "echo", InputLocation: "s3://b/k" }));

describe("over real sockets", () => {
  it("connection resets are retried, and come through typed when they do not stop", async () => {
    const unhandled = watchUnhandledRejections();
    emulator.mock.faults.drop(2);
    expect((await invoke(client())).$metadata.attempts).toBe(3);
    emulator.mock.faults.drop(3);
    const error = await invoke(client()).catch((e: unknown) => e);
    expectTypedError(error, 3);
    expect(error).toMatchObject({ name: "TypeError" });
    expect(await unhandled.stop()).toEqual([]);
  });

  it.each([
    ["cut", (e: Emulator) => e.mock.faults.cutStream(2), "EventStreamError"],
    ["truncated", (e: Emulator) => e.mock.faults.truncateStream(2), "EventStreamError"],
    ["corrupt", (e: Emulator) => e.mock.faults.corruptStream(2), "EventStreamError"],
  ])("a stream %s after 2 parts: the 2 parts, then a typed error", async (_label, inject, name) => {
    const unhandled = watchUnhandledRejections();
    inject(emulator);
    const out = await stream(client());
    const { parts, error } = await drain(out.Body);
    expect(parts).toEqual(PARTS.slice(0, 2));
    expectTypedError(error);
    expect(error).toMatchObject({ name });
    expect(emulator.mock.requests).toHaveLength(1);
    expect(await unhandled.stop()).toEqual([]);
  });

  it("aborting mid-stream closes the connection: the server stops the model", async () => {
    const controller = new AbortController();
    const out = await client().send(
      new InvokeEndpointWithResponseStreamCommand({ EndpointName: "ticking", Body: "x" }),
      { abortSignal: controller.signal },
    );
    const iterator = out.Body[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(AbortError);
    await expect.poll(() => tickingStopped).toBe(true);
    await expect.poll(() => lines).toHaveLength(1);
  });
});

const MINUTE = 60_000;

describe("a client clock that is wrong (systemClockOffset set to a skew)", () => {
  it.each([15 * MINUTE, -15 * MINUTE, 3 * 60 * MINUTE, -26 * 60 * MINUTE])(
    "off by %d ms, 30 concurrent calls of the three operations: corrected once, later calls fine",
    async (skewMs) => {
      const warnings: unknown[] = [];
      const c = client({
        systemClockOffset: skewMs,
        logger: { debug() {}, info() {}, warn: (...m) => warnings.push(m), error() {} },
      });
      const calls = Array.from(
        { length: 30 },
        (_, i) =>
          [invoke, stream, asyncInvoke][i % 3]?.(c) as Promise<{
            $metadata: { attempts?: number };
          }>,
      );
      const results = await settleAll(calls);
      for (const r of results) {
        expect(r.status, String((r as { reason?: unknown }).reason)).toBe("fulfilled");
        expect(
          (r as { value: { $metadata: { attempts?: number } } }).value.$metadata.attempts,
        ).toBe(2);
      }
      expect(warnings).toHaveLength(1);
      // The server's Date has 1 s resolution.
      expect(Math.abs(c.config.systemClockOffset)).toBeLessThan(2000);
      const later = await settleAll([invoke(c), stream(c), asyncInvoke(c)]);
      for (const r of later) {
        expect(
          (r as { value: { $metadata: { attempts?: number } } }).value.$metadata.attempts,
        ).toBe(1);
      }
      expect(warnings).toHaveLength(1);
    },
  );
});

/** How one of the 1,000 calls ended, when it did not reject. */
type Call =
  | { kind: "invoke"; out: InvokeEndpointCommandOutput }
  | {
      kind: "stream";
      out: InvokeEndpointWithResponseStreamCommandOutput;
      parts: string[];
      error: unknown;
    }
  | { kind: "async"; out: InvokeEndpointAsyncCommandOutput };

describe("1,000 concurrent calls with faults on", () => {
  // Many calls: a budget for a loaded CI machine, not a timing assertion.
  it("every call is accounted for: an answer or a typed error, and every attempt seen by the server", {
    timeout: 60_000,
  }, async () => {
    const unhandled = watchUnhandledRejections();
    const { faults } = emulator.mock;
    faults.setLatency({ min: 0, max: 5 });
    // 400 faults, interleaved: the retries they cause spend the client's quota as they go.
    for (let i = 0; i < 40; i++) {
      faults.throttle(2).statusSequence([503, 500]).drop(1).delay(10);
      faults
        .html(i % 2 ? 502 : 504)
        .push({ status: 429 })
        .statusSequence([530])
        .drop(1);
    }
    for (let i = 0; i < 20; i++) faults.cutStream(1).truncateStream(2).corruptStream(1);
    const c = client();
    // Per ten calls: seven InvokeEndpoint, two streams, one async.
    const calls = Array.from({ length: 1000 }, (_, i): Promise<Call> => {
      if (i % 10 === 6 || i % 10 === 7) {
        return stream(c).then(async (out) => ({ kind: "stream", out, ...(await drain(out.Body)) }));
      }
      if (i % 10 === 8) return asyncInvoke(c).then((out) => ({ kind: "async", out }));
      return invoke(c, `call ${i}`).then((out) => ({ kind: "invoke", out }));
    });
    const results = await settleAll(calls, 30_000);
    let attempts = 0;
    let answered = 0;
    for (const [i, r] of results.entries()) {
      expect(r.status, `call ${i}`).not.toBe("hung");
      if (r.status === "rejected") {
        expectTypedError(r.reason);
        const tried = (r.reason as { $metadata: { attempts: number } }).$metadata.attempts;
        expect(tried).toBeGreaterThanOrEqual(1);
        expect(tried).toBeLessThanOrEqual(3);
        attempts += tried;
        continue;
      }
      if (r.status !== "fulfilled") continue;
      answered++;
      const call = r.value;
      attempts += call.out.$metadata.attempts ?? Number.NaN;
      if (call.kind === "invoke") {
        expect(call.out.Body.transformToString()).toBe(`call ${i}`);
      } else if (call.kind === "stream") {
        // The parts are a prefix of the model's, whole or followed by a typed error.
        expect(PARTS.slice(0, call.parts.length)).toEqual(call.parts);
        if (call.error === undefined) expect(call.parts).toEqual(PARTS);
        else expectTypedError(call.error);
      } else {
        expect(call.out.InferenceId).toMatch(/\S/);
      }
    }
    expect(emulator.mock.requests).toHaveLength(attempts);
    const ok = emulator.mock.requests.filter((r) => r.status >= 200 && r.status < 300);
    expect(ok).toHaveLength(answered);
    expect(faults.size).toBe(0);
    // The server logged every request it got, dropped connections included.
    await expect.poll(() => lines.length).toBe(attempts);
    expect(await unhandled.stop()).toEqual([]);
  });
});
