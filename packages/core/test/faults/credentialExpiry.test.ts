// Fault matrix: temporary credentials expire while 500 calls are in flight. However the expiry
// shows (the client sees it coming, or the service refuses the key mid-run), the provider is
// called for one refresh, and no call fails.

import { demoEndpoints } from "@sagefetch/testing/demoEndpoints";
import { type MockService, setupMockService } from "@sagefetch/testing/startMock";
import { startTransport as inProcess } from "@sagefetch/testing/transports/fetch";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type AwsCredentialIdentity, InvokeEndpointCommand } from "../../src/index";
import { settleAll } from "./support";

const CALLS = 500;
const MINUTE = 60_000;
const key = (n: number, expiration: Date): AwsCredentialIdentity => ({
  accessKeyId: `ASIAEXPIRY${n}`,
  secretAccessKey: `expiry-secret-${n}`,
  sessionToken: `expiry-token-${n}`,
  expiration,
});

/** The mock's handlers called in-process: 1,000 requests without Node's interceptor in the way. */
let handlerFetch: typeof fetch;
/** The request count at which the service starts refusing the first key (0: never). */
let expireFirstKeyAt = 0;
/** Released once the first key has been expired. */
let expired: { promise: Promise<void>; resolve: () => void };
const newExpired = () => {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  expired = { promise, resolve };
};
const service = setupMockService({
  endpoints: {
    ...demoEndpoints,
    // Answers, and after `expireFirstKeyAt` requests marks the first key expired in the
    // service's own store: the calls still in flight with it are refused from then on.
    counted: (request) => {
      if (request.invocation === expireFirstKeyAt) {
        const first = service.mock.credentials.get("ASIAEXPIRY1");
        if (first) service.mock.credentials.add({ ...first, expiration: new Date(0) });
        expired.resolve();
      }
      return { body: request.text() };
    },
  },
});
beforeAll(async () => {
  handlerFetch = (await inProcess(service.mock.handlers)).fetch as typeof fetch;
});
afterEach(() => {
  service.mock.credentials.reset();
  expireFirstKeyAt = 0;
  vi.useRealTimers();
});

/** A provider handing out key 1, 2, ... one per call, each after a short wait. */
function provider(expiresIn: number) {
  const calls: number[] = [];
  const fn = async () => {
    calls.push(calls.length + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const credentials = key(calls.length, new Date(Date.now() + expiresIn));
    service.mock.credentials.add(credentials);
    return credentials;
  };
  return { fn, calls };
}

const send = (client: ReturnType<MockService["client"]>, i: number) =>
  client.send(new InvokeEndpointCommand({ EndpointName: "counted", Body: `call ${i}` }));

/** Many calls: a budget for a loaded CI machine, not a timing assertion. */
const HEAVY = { timeout: 30_000 };

describe(`credentials expiring under ${CALLS} concurrent calls`, () => {
  it(
    "the service refuses the key mid-run (ExpiredTokenException): one refresh, every call retried once at most",
    HEAVY,
    async () => {
      const { fn, calls } = provider(60 * MINUTE);
      // Half the calls reach the service before the key expires there; the others are held on
      // their way until it has, then arrive spread out, so that refusals keep coming after the
      // refresh has finished.
      newExpired();
      expireFirstKeyAt = CALLS / 2;
      let sent = 0;
      const client = service.client({
        credentials: fn,
        fetch: async (input, init) => {
          if (++sent > CALLS / 2) await expired.promise;
          return handlerFetch(input, init);
        },
      });
      service.mock.faults.setLatency({ min: 0, max: 10 });
      const results = await settleAll(Array.from({ length: CALLS }, (_, i) => send(client, i)));
      for (const [i, r] of results.entries()) {
        expect(r.status, String((r as { reason?: unknown }).reason)).toBe("fulfilled");
        const out = (r as { value: Awaited<ReturnType<typeof send>> }).value;
        expect(out.Body.transformToString()).toBe(`call ${i}`);
        expect(out.$metadata.attempts).toBeLessThanOrEqual(2);
      }
      expect(calls).toEqual([1, 2]);
      const refused = service.mock.requests.filter((r) => r.status === 403);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) expect(r.headers.authorization).toContain("Credential=ASIAEXPIRY1/");
      const retried = results.filter(
        (r) => r.status === "fulfilled" && r.value.$metadata.attempts === 2,
      );
      expect(retried).toHaveLength(refused.length);
    },
  );

  it(
    "the client sees the key come within 5 minutes of expiry between two waves: one refresh",
    HEAVY,
    async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-11-24T12:00:00Z") });
      // Good for 5 minutes and 1 s: the client refreshes it 5 minutes early.
      const { fn, calls } = provider(5 * MINUTE + 1000);
      const client = service.client({ credentials: fn, fetch: handlerFetch });
      service.mock.faults.setLatency({ min: 0, max: 10 });
      const first = Array.from({ length: CALLS / 2 }, (_, i) => send(client, i));
      // Let the first wave sign, then move the clock 2 s on: the key is now within the window.
      await vi.waitFor(() => expect(service.mock.requests.length).toBeGreaterThan(0));
      vi.setSystemTime(Date.now() + 2000);
      const second = Array.from({ length: CALLS / 2 }, (_, i) => send(client, CALLS / 2 + i));
      const results = await settleAll([...first, ...second]);
      for (const r of results) {
        expect(r.status, String((r as { reason?: unknown }).reason)).toBe("fulfilled");
        expect(
          (r as { value: { $metadata: { attempts?: number } } }).value.$metadata.attempts,
        ).toBe(1);
      }
      expect(calls).toEqual([1, 2]);
      const keys = service.mock.requests.map((r) => r.accessKeyId);
      expect(keys.filter((k) => k === "ASIAEXPIRY1")).toHaveLength(CALLS / 2);
      expect(keys.filter((k) => k === "ASIAEXPIRY2")).toHaveLength(CALLS / 2);
    },
  );
});
