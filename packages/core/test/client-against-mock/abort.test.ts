import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  InvokeEndpointCommand,
  STANDARD_2026,
  StandardRetryStrategy,
  TimeoutError,
} from "../../src/index";

const service = setupMockService();

const command = () => new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" });

async function rejection(promise: Promise<unknown>) {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe("abort and timeouts", () => {
  it("an aborted signal rejects before anything is sent", async () => {
    const { error } = await rejection(
      service.client().send(command(), { abortSignal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(service.mock.requests).toHaveLength(0);
  });

  it("aborting while waiting for the answer rejects at once", async () => {
    service.mock.faults.delay(5000);
    const controller = new AbortController();
    const pending = rejection(service.client().send(command(), { abortSignal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const { error, ms } = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).message).toBe('InvokeEndpoint on endpoint "echo" was aborted.');
    // The answer would take 5 s: anything well short of that is "at once" on a loaded machine.
    expect(ms).toBeLessThan(4000);
  });

  it("aborting during the wait between retries rejects at once and sends no more", async () => {
    service.mock.faults.throttle(3);
    const controller = new AbortController();
    // The whole backoff (jitter 1): the first wait after throttling is 1 s, far past the abort.
    const client = service.client({
      retryStrategy: new StandardRetryStrategy(STANDARD_2026, () => 1),
    });
    const pending = rejection(client.send(command(), { abortSignal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    const { error } = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ $metadata: { attempts: 1, totalRetryDelay: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.mock.requests.length).toBeLessThanOrEqual(1);
  });

  it("one signal shared by several calls aborts them all", async () => {
    service.mock.faults.setLatency(2000);
    const controller = new AbortController();
    const client = service.client();
    const calls = [1, 2, 3].map(() =>
      rejection(client.send(command(), { abortSignal: controller.signal })),
    );
    setTimeout(() => controller.abort(), 30);
    for (const { error } of await Promise.all(calls)) expect(error).toBeInstanceOf(AbortError);
  });

  it("a signal that never fires leaves the call alone, and is not leaked into later calls", async () => {
    const controller = new AbortController();
    const client = service.client();
    for (let i = 0; i < 3; i++) await client.send(command(), { abortSignal: controller.signal });
    controller.abort();
    expect(service.mock.requests).toHaveLength(3);
  });

  it("requestTimeout ends a slow attempt with a TimeoutError, retried, then given up", async () => {
    service.mock.faults.setLatency(1000);
    const { error, ms } = await rejection(service.client({ requestTimeout: 50 }).send(command()));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      name: "TimeoutError",
      timeoutMs: 50,
      $metadata: { attempts: 3 },
    });
    expect((error as Error).message).toContain("requestTimeout (50 ms)");
    // Three attempts that each waited for their answer would take 3 s.
    expect(ms).toBeLessThan(2500);
  });

  it("a slow attempt that recovers succeeds on the retry", async () => {
    // The retry's answer comes at once, well inside the limit even on a loaded machine.
    service.mock.faults.delay(3000);
    const out = await service.client({ requestTimeout: 1000 }).send(command());
    expect(out.$metadata.attempts).toBe(2);
  });
});
