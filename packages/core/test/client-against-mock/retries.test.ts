import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import {
  InvokeEndpointCommand,
  type SageMakerRuntimeServiceException,
  STANDARD_2026,
  StandardRetryStrategy,
} from "../../src/index";

const service = setupMockService();

const invoke = (client = service.client()) =>
  client.send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "hello" }));
const fail = (client = service.client()) =>
  invoke(client).catch((error: unknown) => error as SageMakerRuntimeServiceException);

describe("retries (standard mode)", () => {
  it("retries 500 and 503, then succeeds, with the attempt headers", async () => {
    service.mock.faults.statusSequence([503, 500]);
    const out = await invoke();
    expect(out.Body.transformToString()).toBe("hello");
    expect(out.$metadata.attempts).toBe(3);
    expect(out.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(0);
    const headers = service.mock.requests.map((r) => r.headers);
    expect(headers.map((h) => h["amz-sdk-request"])).toEqual([
      "attempt=1; max=3",
      "attempt=2; max=3",
      "attempt=3; max=3",
    ]);
    const ids = new Set(headers.map((h) => h["amz-sdk-invocation-id"]));
    expect(ids.size).toBe(1);
    await invoke();
    expect(service.mock.requests.at(-1)?.headers["amz-sdk-invocation-id"]).not.toBe([...ids][0]);
  });

  it("gives up after 3 attempts with the last error and the right metadata", async () => {
    service.mock.faults.throttle(5);
    const error = await fail();
    expect(error).toMatchObject({
      name: "ThrottlingException",
      $metadata: { attempts: 3, httpStatusCode: 400 },
    });
    expect(service.mock.requests).toHaveLength(3);
  });

  it("retries ModelNotReadyException (429), a dropped connection and 502/504", async () => {
    service.mock.faults.statusSequence([429]).drop().statusSequence([502]);
    const client = service.client({ maxAttempts: 4 });
    expect((await invoke(client)).$metadata.attempts).toBe(4);
    service.mock.faults.statusSequence([504]);
    expect((await invoke()).$metadata.attempts).toBe(2);
  });

  it("does not retry ModelError, ValidationError or 530", async () => {
    for (const status of [424, 400, 530]) {
      service.reset();
      service.mock.faults.push({
        status,
        code: { 424: "ModelError", 400: "ValidationError", 530: "InternalDependencyException" }[
          status
        ],
      });
      const error = await fail();
      expect(error.$metadata.attempts).toBe(1);
      expect(service.mock.requests).toHaveLength(1);
    }
  });

  it("honours maxAttempts", async () => {
    service.mock.faults.statusSequence([503, 503, 503, 503]);
    expect(await fail(service.client({ maxAttempts: 1 }))).toMatchObject({
      $metadata: { attempts: 1 },
    });
    service.reset();
    service.mock.faults.statusSequence([503, 503, 503, 503]);
    expect((await invoke(service.client({ maxAttempts: 5 }))).$metadata.attempts).toBe(5);
  });

  it("stops retrying when the quota is spent, and the quota recovers on success", async () => {
    const strategy = new StandardRetryStrategy(STANDARD_2026, () => 0);
    const client = service.client({ retryStrategy: strategy });
    // 500 tokens, 14 a transient retry: 35 retries, then none.
    service.mock.faults.statusSequence(Array(80).fill(503));
    let retries = 0;
    for (let i = 0; i < 40; i++) {
      const error = await fail(client);
      retries += (error.$metadata.attempts ?? 1) - 1;
    }
    expect(retries).toBe(35);
    expect(strategy.capacity).toBe(500 - 35 * 14);
    service.reset();
    await invoke(client);
    expect(strategy.capacity).toBe(500 - 35 * 14 + 1);
  });

  it("waits the Retry-After the service asks for, within 5 s of the backoff", async () => {
    service.mock.faults.statusSequence([503]);
    // The mock's 503 carries no hint, so one is added on its way to the client.
    const client = service.client({
      fetch: async (input, init) => {
        const response = await service.fetch(input, init);
        if (response.status !== 503) return response;
        const headers = new Headers(response.headers);
        headers.set("x-amz-retry-after", "120");
        return new Response(response.body, { status: 503, headers });
      },
    });
    const out = await invoke(client);
    expect(out.$metadata.attempts).toBe(2);
    expect(out.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(120);
  });
});
