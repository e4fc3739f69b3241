import { ModelError } from "@sagefetch/core";
import { QueryClient } from "@tanstack/query-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  invalidateSageMakerQueries,
  invokeEndpointQueryOptions,
  sageMakerKeys,
} from "../src/index";
import { type MockService, settle, startDemoMock } from "./harness/startMock";

let service: MockService;
let queryClient: QueryClient;
beforeAll(async () => {
  service = await startDemoMock();
});
afterEach(() => {
  queryClient?.clear();
  service.reset();
});
afterAll(() => service.stop());

const sentiment = (inputs: string) => ({
  EndpointName: "sentiment",
  Body: JSON.stringify({ inputs }),
  ContentType: "application/json",
});

describe("invokeEndpointQueryOptions with query-core's QueryClient", () => {
  it("fetches and decodes the answer, cached under the input's key", async () => {
    queryClient = new QueryClient();
    const options = invokeEndpointQueryOptions(service.client(), sentiment("I love it"));
    const data = await queryClient.fetchQuery(options);
    expect(data).toEqual([{ label: "POSITIVE", score: expect.any(Number) }]);
    expect(queryClient.getQueryData(sageMakerKeys.invoke(sentiment("I love it")))).toEqual(data);
    // A second fetch of the same input is served from the cache.
    await queryClient.fetchQuery({ ...options, staleTime: 60_000 });
    expect(service.mock.requests).toHaveLength(1);
  });

  it("decodes with the decode given", async () => {
    queryClient = new QueryClient();
    const options = invokeEndpointQueryOptions(service.client(), sentiment("this is bad"), {
      decode: (output, input) => `${input.EndpointName}: ${output.Body.transformToString()}`,
    });
    expect(await queryClient.fetchQuery(options)).toMatch(/^sentiment: \[\{"label":"NEGATIVE"/);
  });

  it("leaves retries to the client by default, and retries when asked", async () => {
    queryClient = new QueryClient();
    const client = service.client({ maxAttempts: 1 });
    const input = { EndpointName: "flaky", Body: "{}", ContentType: "application/json" };
    const error = await settle(queryClient.fetchQuery(invokeEndpointQueryOptions(client, input)));
    expect(error).toBeInstanceOf(ModelError);
    expect(service.mock.requests).toHaveLength(1);
    queryClient.clear();
    service.reset();
    const retried = invokeEndpointQueryOptions(client, input, { retry: 1, retryDelay: 0 });
    await expect(queryClient.fetchQuery(retried)).resolves.toBeDefined();
    expect(service.mock.requests).toHaveLength(2);
  });

  it("aborts the call when the query is cancelled", async () => {
    queryClient = new QueryClient();
    const signals: AbortSignal[] = [];
    const client = service.client({
      fetch: (input, init) => {
        const signal = input instanceof Request ? input.signal : init?.signal;
        if (signal) signals.push(signal);
        return service.fetch(input, init);
      },
    });
    const input = { EndpointName: "slow", Body: "{}", CustomAttributes: "delay-ms=5000" };
    const options = invokeEndpointQueryOptions(client, input);
    const fetching = settle(queryClient.fetchQuery(options));
    await expect.poll(() => service.mock.requests.length).toBe(1);
    expect(signals.some((signal) => signal.aborted)).toBe(false);
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    expect(await fetching).toBeInstanceOf(Error);
    expect(signals.some((signal) => signal.aborted)).toBe(true);
  });

  it("invalidates one endpoint's answers, or all of them", async () => {
    queryClient = new QueryClient();
    const client = service.client();
    const echo = { EndpointName: "echo", Body: "hi", ContentType: "text/plain" };
    await queryClient.fetchQuery(invokeEndpointQueryOptions(client, sentiment("a")));
    await queryClient.fetchQuery(invokeEndpointQueryOptions(client, echo));
    const invalidated = () =>
      queryClient
        .getQueryCache()
        .getAll()
        .filter((query) => query.state.isInvalidated)
        .map((query) => query.queryKey[2])
        .sort();
    expect(invalidated()).toEqual([]);
    await invalidateSageMakerQueries(queryClient, "sentiment");
    expect(invalidated()).toEqual(["sentiment"]);
    await invalidateSageMakerQueries(queryClient);
    expect(invalidated()).toEqual(["echo", "sentiment"]);
  });
});
