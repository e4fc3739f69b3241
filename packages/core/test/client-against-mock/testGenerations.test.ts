import { demoCredentials, sageMakerHandlers } from "@sagefetch/msw";
import { demoEndpoints } from "@sagefetch/testing/demoEndpoints";
import { requestId, testGenerations } from "@sagefetch/testing/testGenerations";
import type { Transport } from "@sagefetch/testing/transport";
import { startTransport } from "@sagefetch/testing/transport";
import { http } from "msw";
import { afterAll, beforeAll, expect, it } from "vitest";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "../../src/index";

// The harness itself: a request a test left behind must not land in the next test's mock.
const mock = sageMakerHandlers({ endpoints: demoEndpoints });
const generations = testGenerations();
/** Holds the requests that reach it, in front of the mock, while `hold` is set. */
let hold: Promise<void> | undefined;
let held = 0;
const holding = http.all("*", async () => {
  if (!hold) return undefined;
  held++;
  await hold;
  return undefined;
});
const logged = (id: string) => mock.requests.some((entry) => requestId(entry.headers) === id);
let transport: Transport;
beforeAll(async () => {
  transport = await startTransport([generations.gate([holding, ...mock.handlers])]);
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

it("a request let through before the test ended is logged before the mock is reset", async () => {
  generations.next();
  mock.reset();
  let release = () => {};
  hold = new Promise<void>((resolve) => {
    release = resolve;
  });
  const client = new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: demoCredentials,
    fetch: generations.tagging(() => transport.fetch ?? globalThis.fetch),
    maxAttempts: 1,
  });
  const call = client.send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" }));
  await expect.poll(() => held).toBe(1);
  // Let through, not yet logged: settling waits for the mock to log it.
  let settled = false;
  const settling = generations.settled(logged).then(() => {
    settled = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(settled).toBe(false);
  hold = undefined;
  release();
  await settling;
  expect(mock.requests).toHaveLength(1);
  expect((await call).$metadata.httpStatusCode).toBe(200);
});
