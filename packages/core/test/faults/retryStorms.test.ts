// Fault matrix: throttling storms and runs of 5xx. Retries stay within maxAttempts and the
// client's retry quota, then a typed error comes through; the quota recovers with successes;
// no call hangs; every call's `$metadata.attempts` matches what the service saw.

import { type MockService, setupMockService } from "@sagefetch/testing/startMock";
import { startTransport as inProcess } from "@sagefetch/testing/transports/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandOutput,
  STANDARD_2026,
  StandardRetryStrategy,
} from "../../src/index";
import { expectTypedError, type Settled, settleAll } from "./support";

/** The mock's handlers called in-process, for the storms: no Node interceptor in the way. */
let handlerFetch: typeof fetch;
const service = setupMockService();
beforeAll(async () => {
  handlerFetch = (await inProcess(service.mock.handlers)).fetch as typeof fetch;
});

/** A strategy that never waits (jitter 0), so storms run at full speed; its quota is real. */
const noWait = () => new StandardRetryStrategy(STANDARD_2026, () => 0);
const invoke = (client: ReturnType<MockService["client"]>, i = 0) =>
  client.send(new InvokeEndpointCommand({ EndpointName: "echo", Body: `call ${i}` }));

/** Attempts of a settled call, whether it succeeded or failed. */
function attemptsOf(result: Settled<InvokeEndpointCommandOutput>): number {
  if (result.status === "fulfilled") return result.value.$metadata.attempts ?? 0;
  if (result.status === "rejected") {
    return (result.reason as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 0;
  }
  return Number.NaN;
}

// One call against a run of faults: [faults queued, attempts, the error it ends with (none: ok)].
const RUNS: [string, number, string | undefined, (s: MockService) => void][] = [
  ["2 throttles", 3, undefined, (s) => s.mock.faults.throttle(2)],
  ["3 throttles", 3, "ThrottlingException", (s) => s.mock.faults.throttle(3)],
  ["503 503 503", 3, "ServiceUnavailable", (s) => s.mock.faults.statusSequence([503, 503, 503])],
  ["500 502 504", 3, "Unknown", (s) => s.mock.faults.statusSequence([500, 502, 504])],
  [
    "429 429 429",
    3,
    "ModelNotReadyException",
    (s) => s.mock.faults.statusSequence([429, 429, 429]),
  ],
  ["500 then 200", 2, undefined, (s) => s.mock.faults.statusSequence([500])],
  ["throttle, 503", 3, undefined, (s) => s.mock.faults.throttle(1).statusSequence([503])],
  [
    "530 (not retried)",
    1,
    "InternalDependencyException",
    (s) => s.mock.faults.statusSequence([530]),
  ],
  [
    "424 (not retried)",
    1,
    "ModelError",
    (s) => s.mock.faults.push({ status: 424, code: "ModelError" }),
  ],
  [
    "503 then 530",
    2,
    "InternalDependencyException",
    (s) => s.mock.faults.statusSequence([503, 530]),
  ],
];

describe("one call against a run of faults", () => {
  it.each(RUNS)("%s: %d attempt(s), then %s", async (_label, attempts, error, inject) => {
    inject(service);
    const [result] = await settleAll([invoke(service.client({ retryStrategy: noWait() }))]);
    expect(result?.status).not.toBe("hung");
    expect(attemptsOf(result as Settled<InvokeEndpointCommandOutput>)).toBe(attempts);
    expect(service.mock.requests).toHaveLength(attempts);
    if (error === undefined) {
      expect(result?.status).toBe("fulfilled");
    } else {
      expect(result?.status).toBe("rejected");
      const reason = (result as { reason: unknown }).reason;
      expectTypedError(reason, attempts);
      expect(reason).toMatchObject({ name: error });
    }
  });
});

/** Many calls: a budget for a loaded CI machine, not a timing assertion. */
const HEAVY = { timeout: 30_000 };

describe("a storm shared by many concurrent calls", () => {
  it(
    "spends the quota on retries, then fails fast; every attempt is accounted for",
    HEAVY,
    async () => {
      const strategy = noWait();
      const client = service.client({ retryStrategy: strategy, fetch: handlerFetch });
      // More throttles than the calls can use: every attempt is refused.
      service.mock.faults.throttle(1000);
      const results = await settleAll(Array.from({ length: 150 }, (_, i) => invoke(client, i)));
      expect(results.filter((r) => r.status === "hung")).toEqual([]);
      for (const r of results) {
        expect(r.status).toBe("rejected");
        expectTypedError((r as { reason: unknown }).reason);
        expect((r as { reason: unknown }).reason).toMatchObject({ name: "ThrottlingException" });
      }
      const attempts = results.map(attemptsOf);
      // 500 tokens at 5 a throttling retry: exactly 100 retries among all the calls.
      expect(attempts.reduce((a, b) => a + b, 0)).toBe(150 + 100);
      expect(Math.max(...attempts)).toBeLessThanOrEqual(3);
      expect(service.mock.requests).toHaveLength(250);
      expect(strategy.capacity).toBe(0);
    },
  );

  it(
    "a run of 5xx longer than the quota: 35 transient retries in all, every call typed",
    HEAVY,
    async () => {
      const strategy = noWait();
      const client = service.client({ retryStrategy: strategy, fetch: handlerFetch });
      service.mock.faults.statusSequence(Array(120).fill(503));
      const results = await settleAll(Array.from({ length: 60 }, (_, i) => invoke(client, i)));
      const attempts = results.map(attemptsOf);
      for (const r of results) {
        expect(r.status).toBe("rejected");
        expectTypedError((r as { reason: unknown }).reason);
        expect((r as { reason: unknown }).reason).toMatchObject({ name: "ServiceUnavailable" });
      }
      // 14 tokens a transient retry: 35 retries fit in the 500 tokens, and no more.
      expect(attempts.reduce((a, b) => a + b, 0)).toBe(60 + 35);
      expect(service.mock.requests).toHaveLength(60 + 35);
      expect(Math.max(...attempts)).toBeLessThanOrEqual(3);
      expect(strategy.capacity).toBe(500 - 35 * 14);
    },
  );

  it("the quota recovers: successes give tokens back, and retries work again", HEAVY, async () => {
    const strategy = noWait();
    const client = service.client({ retryStrategy: strategy, fetch: handlerFetch });
    service.mock.faults.throttle(1000);
    await settleAll(Array.from({ length: 150 }, (_, i) => invoke(client, i)));
    expect(strategy.capacity).toBe(0);
    service.reset();
    // Out of tokens: a throttle is not retried.
    service.mock.faults.throttle(1);
    const starved = await settleAll([invoke(client)]);
    expect(attemptsOf(starved[0] as Settled<InvokeEndpointCommandOutput>)).toBe(1);
    // Five successes without retries give five tokens back: enough for one throttling retry.
    for (let i = 0; i < 5; i++) await invoke(client, i);
    expect(strategy.capacity).toBe(5);
    service.mock.faults.throttle(1);
    const out = await invoke(client, 42);
    expect(out.$metadata.attempts).toBe(2);
    // A success after a retry gives back that retry's cost.
    expect(strategy.capacity).toBe(5);
  });
});
