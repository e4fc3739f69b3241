// Fault matrix: network errors, and response streams cut, corrupted or truncated after N parts.
// Every cell: a typed error (or a retry that succeeds, where nothing reached the caller yet),
// the parts already received kept, the attempts counted, no unhandled rejection, no hang.

import { demoEndpoints } from "@sagefetch/testing/demoEndpoints";
import { type MockService, setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import {
  EventStreamError,
  InvokeEndpointAsyncCommand,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
} from "../../src/index";
import { type Drained, drain, expectTypedError, watchUnhandledRejections } from "./support";

const PARTS = ["p0 ", "p1 ", "p2 ", "p3"];

const service = setupMockService({
  endpoints: { ...demoEndpoints, parts: () => ({ stream: PARTS, contentType: "text/plain" }) },
});

type StreamFault =
  | { kind: "cut"; n: number }
  | { kind: "truncate"; n: number }
  | { kind: "corrupt"; n: number; where: "prelude" | "message" };

/** What the caller must see: the parts before the fault, then the error (or all parts). */
interface Expected {
  parts: string[];
  /** The error's name and, for framing errors, its `fault`; none: the stream read whole. */
  error?: { name: string; fault?: EventStreamError["fault"] };
  attempts: number;
  /** Whether `send` itself rejects (nothing reached the caller before the fault). */
  sendRejects: boolean;
}

function expected(fault: StreamFault): Expected {
  const before = PARTS.slice(0, fault.n);
  // A cut before the first part is a network error inside the attempt: retried, and the
  // retry (the fault was used up) streams everything.
  if (fault.kind === "cut" && fault.n === 0) {
    return { parts: PARTS, attempts: 2, sendRejects: false };
  }
  const error =
    fault.kind === "cut"
      ? { name: "EventStreamError", fault: "connection" as const }
      : fault.kind === "truncate"
        ? { name: "EventStreamError", fault: "truncated" as const }
        : {
            name: "EventStreamError",
            fault: `${fault.where}-checksum` as EventStreamError["fault"],
          };
  // A framing error before the first part is not retried (the bytes are wrong, not the network).
  return { parts: before, error, attempts: 1, sendRejects: fault.n === 0 };
}

const STREAM_FAULTS: StreamFault[] = [0, 1, 2, 3].flatMap((n) => [
  { kind: "cut", n },
  { kind: "truncate", n },
  { kind: "corrupt", n, where: "prelude" },
  { kind: "corrupt", n, where: "message" },
]);

function queue(fault: StreamFault): void {
  const { faults } = service.mock;
  if (fault.kind === "cut") faults.cutStream(fault.n);
  else if (fault.kind === "truncate") faults.truncateStream(fault.n);
  else faults.corruptStream(fault.n, fault.where);
}

const stream = () =>
  service
    .client()
    .send(new InvokeEndpointWithResponseStreamCommand({ EndpointName: "parts", Body: "{}" }));

describe("a response stream with a fault after N parts", () => {
  it.each(
    STREAM_FAULTS.map((f) => [`${f.kind}${"where" in f ? ` (${f.where})` : ""} after ${f.n}`, f]),
  )("%s", async (_label, fault) => {
    const want = expected(fault);
    const unhandled = watchUnhandledRejections();
    queue(fault);
    let got: Drained;
    let attempts: number | undefined;
    try {
      const out = await stream();
      attempts = out.$metadata.attempts;
      got = await drain(out.Body);
      expect(want.sendRejects, "send should have rejected").toBe(false);
    } catch (error) {
      expect(want.sendRejects, `send rejected: ${error}`).toBe(true);
      expectTypedError(error, want.attempts);
      got = { parts: [], error };
      attempts = (error as { $metadata: { attempts: number } }).$metadata.attempts;
    }
    expect(got.parts).toEqual(want.parts);
    expect(attempts).toBe(want.attempts);
    expect(service.mock.requests).toHaveLength(want.attempts);
    if (want.error) {
      expectTypedError(got.error);
      expect(got.error).toMatchObject(want.error);
      if (want.error.name === "EventStreamError")
        expect(got.error).toBeInstanceOf(EventStreamError);
    } else {
      expect(got.error).toBeUndefined();
    }
    expect(await unhandled.stop()).toEqual([]);
  });
});

// Network errors and proxy pages before any answer: retried within maxAttempts (3), then the
// last one comes through, typed, with the attempts it took.
const commands = {
  InvokeEndpoint: () => new InvokeEndpointCommand({ EndpointName: "echo", Body: "net" }),
  InvokeEndpointAsync: () =>
    new InvokeEndpointAsyncCommand({ EndpointName: "echo", InputLocation: "s3://b/in.json" }),
  InvokeEndpointWithResponseStream: () =>
    new InvokeEndpointWithResponseStreamCommand({ EndpointName: "parts", Body: "net" }),
};

const NETWORK: [string, (s: MockService) => void, { attempts: number; error?: string }][] = [
  ["one dropped connection", (s) => s.mock.faults.drop(1), { attempts: 2 }],
  ["two dropped connections", (s) => s.mock.faults.drop(2), { attempts: 3 }],
  [
    "a dropped connection every time",
    (s) => s.mock.faults.drop(3),
    { attempts: 3, error: "TypeError" },
  ],
  ["a proxy's 502 page, then a drop", (s) => s.mock.faults.html(502).drop(1), { attempts: 3 }],
  [
    "proxy pages every time",
    (s) => s.mock.faults.html(502).html(504).html(502),
    { attempts: 3, error: "502" },
  ],
  [
    "a drop, then a 530",
    (s) => s.mock.faults.drop(1).statusSequence([530]),
    { attempts: 2, error: "InternalDependencyException" },
  ],
];

describe.each(Object.entries(commands))("%s on a network that fails", (_name, command) => {
  it.each(NETWORK)("%s", async (_label, inject, want) => {
    const unhandled = watchUnhandledRejections();
    inject(service);
    const outcome = await service
      .client()
      .send(command() as InvokeEndpointCommand)
      .then(
        (out) => ({ out, error: undefined }),
        (error: unknown) => ({ out: undefined, error }),
      );
    expect(service.mock.requests).toHaveLength(want.attempts);
    if (want.error) {
      expectTypedError(outcome.error, want.attempts);
      expect(outcome.error).toMatchObject({ name: want.error });
    } else {
      expect(outcome.error).toBeUndefined();
      expect(outcome.out?.$metadata.attempts).toBe(want.attempts);
    }
    expect(await unhandled.stop()).toEqual([]);
  });
});
