import { ModelError, ServiceUnavailable } from "@sagefetch/core";
import { setupMockService } from "@sagefetch/testing/startMock";
import { QueryClient } from "@tanstack/react-query";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { Suspense } from "react";
import { describe, expect, it, vi } from "vitest";
import {
  type InvokeEndpointQueryInput,
  invalidateSageMakerQueries,
  invokeEndpointQueryOptions,
  sageMakerKeys,
  useInvokeEndpointQuery,
  useInvokeEndpointSuspenseQuery,
} from "../../src/index";
import { mockOptions } from "../harness/endpoints";
import { providerFor } from "../harness/wrapper";

const service = setupMockService(mockOptions);

const sentiment = (inputs: string): InvokeEndpointQueryInput => ({
  EndpointName: "sentiment",
  Body: JSON.stringify({ inputs }),
  ContentType: "application/json",
});

describe("useInvokeEndpointQuery", () => {
  it("fetches, decodes, and shares one answer between components showing the same input", async () => {
    const wrapper = providerFor(service.client());
    const { result } = renderHook(
      () =>
        [
          useInvokeEndpointQuery(sentiment("I love it")),
          useInvokeEndpointQuery(sentiment("I love it")),
        ] as const,
      { wrapper },
    );
    expect(result.current[0].isPending).toBe(true);
    await waitFor(() => expect(result.current[0].isSuccess).toBe(true));
    expect(result.current[0].data).toEqual([{ label: "POSITIVE", score: 0.8333 }]);
    expect(result.current[1].data).toBe(result.current[0].data);
    expect(service.mock.requests).toHaveLength(1);
  });

  it("asks again for another body, and shows the new answer", async () => {
    const wrapper = providerFor(service.client());
    const { result, rerender } = renderHook(({ text }) => useInvokeEndpointQuery(sentiment(text)), {
      wrapper,
      initialProps: { text: "great" },
    });
    await waitFor(() =>
      expect(result.current.data).toEqual([{ label: "POSITIVE", score: 0.8333 }]),
    );
    rerender({ text: "awful" });
    await waitFor(() =>
      expect(result.current.data).toEqual([{ label: "NEGATIVE", score: 0.8333 }]),
    );
    // Back to a cached answer: shown at once (and refetched in the background, being stale).
    rerender({ text: "great" });
    expect(result.current.data).toEqual([{ label: "POSITIVE", score: 0.8333 }]);
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(service.mock.requests).toHaveLength(3);
  });

  it("enabled: false sends nothing until enabled", async () => {
    const wrapper = providerFor(service.client());
    const { result, rerender } = renderHook(
      ({ enabled }) => useInvokeEndpointQuery(sentiment("hi"), { enabled }),
      { wrapper, initialProps: { enabled: false } },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.mock.requests).toHaveLength(0);
    expect(result.current.fetchStatus).toBe("idle");
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(service.mock.requests).toHaveLength(1);
  });

  it("staleTime keeps a fresh answer on remount; without it the answer is refetched", async () => {
    const queryClient = new QueryClient();
    const wrapper = providerFor(service.client(), queryClient);
    const mount = async (staleTime: number) => {
      const view = renderHook(() => useInvokeEndpointQuery(sentiment("good"), { staleTime }), {
        wrapper,
      });
      await waitFor(() => expect(view.result.current.isSuccess).toBe(true));
      await waitFor(() => expect(view.result.current.isFetching).toBe(false));
      view.unmount();
    };
    await mount(60_000);
    await mount(60_000);
    expect(service.mock.requests).toHaveLength(1);
    await mount(0);
    expect(service.mock.requests).toHaveLength(2);
  });

  it("select and a decoder shape the data", async () => {
    const wrapper = providerFor(service.client());
    const { result } = renderHook(
      () =>
        useInvokeEndpointQuery(sentiment("love"), {
          decode: (output) => JSON.parse(output.Body.transformToString()) as { label: string }[],
          select: (results) => results[0]?.label,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBe("POSITIVE"));
  });

  it("gives the typed error, and does not retry on top of the client", async () => {
    const wrapper = providerFor(service.client({ maxAttempts: 1 }));
    service.mock.faults.statusSequence([503]);
    const { result } = renderHook(() => useInvokeEndpointQuery(sentiment("hi")), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ServiceUnavailable);
    expect(service.mock.requests).toHaveLength(1);
    const model = renderHook(
      () =>
        useInvokeEndpointQuery({
          EndpointName: "sentiment",
          Body: '{"text": 1}',
          ContentType: "application/json",
        }),
      { wrapper },
    );
    await waitFor(() => expect(model.result.current.error).toBeInstanceOf(ModelError));
  });

  it("retries through TanStack Query when asked", async () => {
    const wrapper = providerFor(service.client({ maxAttempts: 1 }));
    service.mock.faults.statusSequence([503, 503]);
    const { result } = renderHook(
      () => useInvokeEndpointQuery(sentiment("hi"), { retry: 2, retryDelay: 0 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(service.mock.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("unmounting while fetching aborts the call", async () => {
    const client = service.client();
    const send = vi.spyOn(client, "send");
    const wrapper = providerFor(client);
    const { unmount } = renderHook(
      () =>
        useInvokeEndpointQuery({
          EndpointName: "slow",
          Body: "{}",
          CustomAttributes: "delay-ms=2000",
        }),
      { wrapper },
    );
    await waitFor(() => expect(service.mock.requests).toHaveLength(1));
    const signal = send.mock.calls[0]?.[1]?.abortSignal;
    expect(signal?.aborted).toBe(false);
    unmount();
    await waitFor(() => expect(signal?.aborted).toBe(true));
  });

  it("invalidation refetches one endpoint's answers, or all", async () => {
    const queryClient = new QueryClient();
    const wrapper = providerFor(service.client(), queryClient);
    const { result } = renderHook(
      () => [
        useInvokeEndpointQuery(sentiment("good")),
        useInvokeEndpointQuery({ EndpointName: "echo", Body: "hi", ContentType: "text/plain" }),
      ],
      { wrapper },
    );
    await waitFor(() => expect(result.current.every((q) => q.isSuccess)).toBe(true));
    expect(service.mock.requests).toHaveLength(2);
    await act(() => invalidateSageMakerQueries(queryClient, "sentiment"));
    expect(service.mock.requests.map((r) => r.endpointName)).toEqual([
      "sentiment",
      "echo",
      "sentiment",
    ]);
    await act(() => invalidateSageMakerQueries(queryClient));
    expect(service.mock.requests).toHaveLength(5);
  });

  it("keys the cache readably for the devtools, without the body", async () => {
    const queryClient = new QueryClient();
    const wrapper = providerFor(service.client(), queryClient);
    const { result } = renderHook(() => useInvokeEndpointQuery(sentiment("my secret diary")), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const [query] = queryClient.getQueryCache().getAll();
    expect(query?.queryHash).toMatch(
      /^\["sagemaker","endpoint","sentiment","invoke",\{"Body":"28:[0-9a-f]{16}","ContentType":"application\/json"\}\]$/,
    );
    expect(query?.queryHash).not.toContain("secret");
    expect(queryClient.getQueryData(sageMakerKeys.invoke(sentiment("my secret diary")))).toEqual(
      result.current.data,
    );
  });

  it("uses an answer prefetched with the option factory", async () => {
    const client = service.client();
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    const options = invokeEndpointQueryOptions(client, sentiment("prefetched"));
    await queryClient.prefetchQuery(options);
    // Typed through the key: unknown by default.
    expect(queryClient.getQueryData(options.queryKey)).toEqual([
      { label: "POSITIVE", score: 0.75 },
    ]);
    const { result } = renderHook(() => useInvokeEndpointQuery(sentiment("prefetched")), {
      wrapper: providerFor(client, queryClient),
    });
    expect(result.current.data).toEqual([{ label: "POSITIVE", score: 0.75 }]);
    expect(service.mock.requests).toHaveLength(1);
  });
});

function Prediction() {
  const { data } = useInvokeEndpointSuspenseQuery(
    { EndpointName: "tabular", Body: "1,2,3\n-1,-2,-3\n", ContentType: "text/csv" },
    { select: (csv) => (csv as string).trim().split("\n") },
  );
  return <p>{data.join(" | ")}</p>;
}

describe("useInvokeEndpointSuspenseQuery", () => {
  it("suspends until the answer is there", async () => {
    const Wrapper = providerFor(service.client());
    render(
      <Wrapper>
        <Suspense fallback={<p>loading</p>}>
          <Prediction />
        </Suspense>
      </Wrapper>,
    );
    expect(screen.getByText("loading")).toBeTruthy();
    expect(await screen.findByText("0.880797 | 0.119203")).toBeTruthy();
  });
});
