import { QueryClient, QueryObserver } from "@tanstack/query-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { invokeEndpointStreamQueryOptions, sageMakerKeys } from "../src/index";
import { type MockService, settle, startDemoMock } from "./harness/startMock";

let service: MockService;
let queryClient = new QueryClient();
beforeAll(async () => {
  service = await startDemoMock();
});
afterEach(() => {
  queryClient.clear();
  queryClient = new QueryClient();
  service.reset();
});
afterAll(() => service.stop());

const chat = (inputs: string, max_new_tokens?: number) => ({
  EndpointName: "chat",
  Body: JSON.stringify({ inputs, parameters: { max_new_tokens } }),
  ContentType: "application/json",
});

/** The reply the demo chat model streams, read in one piece through InvokeEndpoint. */
async function wholeReply(inputs: string, max?: number): Promise<string> {
  const { InvokeEndpointCommand } = await import("@sagefetch/core");
  const output = await service.client().send(new InvokeEndpointCommand(chat(inputs, max)));
  const [{ generated_text }] = JSON.parse(output.Body.transformToString());
  return generated_text;
}

describe("invokeEndpointStreamQueryOptions with query-core's QueryObserver", () => {
  it("grows `data` token by token until the stream ends, under the stream key", async () => {
    const expected = await wholeReply("hello there");
    service.reset();
    const options = invokeEndpointStreamQueryOptions(service.client(), chat("hello there"));
    expect(options.queryKey).toEqual(sageMakerKeys.stream(chat("hello there")));
    const observer = new QueryObserver(queryClient, options);
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      const unsubscribe = observer.subscribe((result) => {
        if (result.data !== undefined && result.data !== seen.at(-1)) seen.push(result.data);
        if (result.status === "success" && result.fetchStatus === "idle") {
          unsubscribe();
          resolve();
        }
      });
    });
    await done;
    expect(seen.at(-1)).toBe(expected);
    // Seen growing: each value is a prefix of the next, more than one of them.
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.startsWith(seen[i - 1] ?? "")).toBe(true);
    expect(service.mock.requests[0]?.operation).toBe("InvokeEndpointWithResponseStream");
  });

  it('reads the raw text with format: "text"', async () => {
    const echo = { EndpointName: "echo", Body: "abc def ghi", ContentType: "text/plain" };
    const options = invokeEndpointStreamQueryOptions(service.client(), echo, { format: "text" });
    expect(await queryClient.fetchQuery(options)).toBe("abc def ghi");
  });

  it("ends the stream when the query is cancelled mid-stream", async () => {
    const drip = { EndpointName: "drip", Body: "{}", ContentType: "application/json" };
    const options = invokeEndpointStreamQueryOptions(service.client(), drip);
    const fetching = settle(queryClient.fetchQuery(options));
    await expect.poll(() => queryClient.getQueryData(options.queryKey)).toMatch(/^t0 t1 /);
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    await fetching;
    // The mock stops sending: its 100 parts do not all go out, and no more go after a pause.
    const sent = () => service.mock.requests[0]?.streamedParts ?? 0;
    const atCancel = sent();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sent()).toBeLessThanOrEqual(atCancel + 1);
    expect(sent()).toBeLessThan(100);
  });

  it("appends a refetch's text when refetchMode is append", async () => {
    const first = await wholeReply("once", 3);
    const options = invokeEndpointStreamQueryOptions(service.client(), chat("once", 3), {
      refetchMode: "append",
    });
    await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(queryClient.getQueryData(options.queryKey)).toBe(first + first);
  });

  it("does not refetch a finished answer on its own (staleTime Infinity)", async () => {
    const options = invokeEndpointStreamQueryOptions(service.client(), chat("hi", 2));
    await queryClient.fetchQuery(options);
    const observer = new QueryObserver(queryClient, { ...options, refetchOnMount: true });
    const unsubscribe = observer.subscribe(() => {});
    expect(observer.getCurrentResult().fetchStatus).toBe("idle");
    unsubscribe();
    expect(service.mock.requests).toHaveLength(1);
  });
});
