import { demoCredentials, sageMakerHandlers } from "@sagefetch/msw";
import { demoEndpoints } from "@sagefetch/testing/demoEndpoints";
import { testGenerations } from "@sagefetch/testing/testGenerations";
import type { Transport } from "@sagefetch/testing/transport";
import { startTransport } from "@sagefetch/testing/transport";
import { afterAll, beforeAll, expect, it } from "vitest";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "../../src/index";

// The harness itself: a request a test left behind must not land in the next test's mock.
const mock = sageMakerHandlers({ endpoints: demoEndpoints });
const generations = testGenerations();
let transport: Transport;
beforeAll(async () => {
  transport = await startTransport([generations.handler, ...mock.handlers]);
});
afterAll(() => transport.stop());

it("a request that reaches the mock after the next test has begun is dropped, unlogged", async () => {
  const runtimeFetch = () => transport.fetch ?? globalThis.fetch;
  // As in Chromium, where the service worker hands a request over when it gets to it.
  let sent = false;
  let release = () => {};
  const handedOver = new Promise<void>((resolve) => {
    release = resolve;
  });
  const late = generations.tagging(() => async (input, init) => {
    sent = true;
    await handedOver;
    return runtimeFetch()(input, init);
  });
  const client = (fetch: typeof globalThis.fetch) =>
    new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials: demoCredentials,
      fetch,
      maxAttempts: 1,
    });
  const command = new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" });

  const leftBehind = client(late)
    .send(command)
    .catch((error: unknown) => error);
  await expect.poll(() => sent).toBe(true);
  generations.next();
  mock.reset();
  release();
  expect(await leftBehind).toBeInstanceOf(Error);
  expect(mock.requests).toHaveLength(0);

  // The next test's own requests reach the mock as before.
  const out = await client(generations.tagging(runtimeFetch)).send(command);
  expect(out.$metadata.httpStatusCode).toBe(200);
  expect(mock.requests).toHaveLength(1);
});
