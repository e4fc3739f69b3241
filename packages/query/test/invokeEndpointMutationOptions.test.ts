import { AbortError, ModelError } from "@sagefetch/core";
import { MutationObserver, QueryClient } from "@tanstack/query-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { invokeEndpointMutationOptions } from "../src/index";
import { type MockService, settle, startDemoMock } from "./harness/startMock";

let service: MockService;
const queryClient = new QueryClient();
beforeAll(async () => {
  service = await startDemoMock();
});
afterEach(() => {
  queryClient.clear();
  service.reset();
});
afterAll(() => service.stop());

describe("invokeEndpointMutationOptions with query-core's MutationObserver", () => {
  it("sends the defaults under each call's input, and decodes the answer", async () => {
    const options = invokeEndpointMutationOptions(service.client(), {
      defaults: { EndpointName: "sentiment", ContentType: "application/json" },
    });
    const mutation = new MutationObserver(queryClient, options);
    const { data, output } = await mutation.mutate({
      Body: JSON.stringify({ inputs: "I love it" }),
    });
    expect(data).toEqual([{ label: "POSITIVE", score: expect.any(Number) }]);
    expect(output.ContentType).toBe("application/json");
    expect(mutation.getCurrentResult().data?.data).toEqual(data);
    expect(options.mutationKey).toEqual(["sagemaker", "invoke"]);
    // A call's own fields win over the defaults.
    await mutation.mutate({ Body: "1,2\n", EndpointName: "tabular", ContentType: "text/csv" });
    expect(service.mock.requests.map((r) => r.endpointName)).toEqual(["sentiment", "tabular"]);
  });

  it("aborts a running call through the signal it was made under", async () => {
    let controller = new AbortController();
    const options = invokeEndpointMutationOptions(service.client(), {
      defaults: { EndpointName: "slow", Body: "{}", CustomAttributes: "delay-ms=5000" },
      signal: () => controller.signal,
      // An aborted call is not retried, whatever `retry` says.
      retry: 3,
    });
    const mutation = new MutationObserver(queryClient, options);
    const call = settle(mutation.mutate({}));
    await expect.poll(() => service.mock.requests.length).toBe(1);
    const started = performance.now();
    controller.abort();
    controller = new AbortController();
    expect(await call).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(mutation.getCurrentResult().failureCount).toBe(1);
    // A call made after the abort takes the new signal and is sent.
    const next = await mutation.mutate({ CustomAttributes: "delay-ms=1" });
    expect(next.data).toEqual({ waitedMs: 1 });
    expect(service.mock.requests).toHaveLength(2);
  });

  it("aborts a call still queued behind its scope before it is sent", async () => {
    let controller = new AbortController();
    const options = invokeEndpointMutationOptions(service.client(), {
      defaults: { EndpointName: "slow", Body: "{}", CustomAttributes: "delay-ms=300" },
      signal: () => controller.signal,
      scope: { id: "one-at-a-time" },
    });
    const first = settle(new MutationObserver(queryClient, options).mutate({}));
    const queued = settle(new MutationObserver(queryClient, options).mutate({}));
    await expect.poll(() => service.mock.requests.length).toBe(1);
    controller.abort();
    controller = new AbortController();
    expect(await first).toBeInstanceOf(AbortError);
    expect(await queued).toBeInstanceOf(AbortError);
    expect(service.mock.requests).toHaveLength(1);
  });

  it("retries a failed call when asked, and keeps the caller's onMutate", async () => {
    const seen: unknown[] = [];
    const options = invokeEndpointMutationOptions(service.client({ maxAttempts: 1 }), {
      defaults: { EndpointName: "flaky", Body: "{}", ContentType: "application/json" },
      onMutate: (variables) => {
        seen.push(variables);
        return "context";
      },
    });
    const once = new MutationObserver(queryClient, options);
    expect(await settle(once.mutate({}))).toBeInstanceOf(ModelError);
    expect(service.mock.requests).toHaveLength(1);
    service.reset();
    const twice = new MutationObserver(queryClient, { ...options, retry: 1, retryDelay: 0 });
    await expect(twice.mutate({})).resolves.toBeDefined();
    expect(twice.getCurrentResult().context).toBe("context");
    expect(seen).toEqual([{}, {}]);
  });
});
