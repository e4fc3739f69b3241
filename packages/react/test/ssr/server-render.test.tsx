// @vitest-environment node

import { setupMockService } from "@sagefetch/testing/startMock";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  type InvokeEndpointQueryInput,
  invokeEndpointQueryOptions,
  SageMakerProvider,
  useInvokeEndpoint,
  useInvokeEndpointQuery,
  useInvokeEndpointStream,
  useStatefulSession,
} from "../../src/index";
import { mockOptions } from "../harness/endpoints";

const service = setupMockService(mockOptions);

const input: InvokeEndpointQueryInput = {
  EndpointName: "sentiment",
  Body: '{"inputs":"I love server rendering"}',
  ContentType: "application/json",
};

function Label() {
  const { data, status } = useInvokeEndpointQuery(input, { staleTime: 60_000 });
  return <p>{status === "success" ? (data as { label: string }[])[0]?.label : status}</p>;
}

function Everything() {
  const invoke = useInvokeEndpoint();
  const query = useInvokeEndpointQuery(input, { enabled: false });
  const stream = useInvokeEndpointStream({ format: "tokens" });
  const session = useStatefulSession({ endpointName: "chat", persist: true });
  return <p>{[invoke.status, query.status, stream.status, String(session.isOpen)].join(" ")}</p>;
}

describe("server rendering", () => {
  it("runs with no window, as on a server", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  it("renders every hook without touching the DOM, storage, or the network", () => {
    const html = renderToString(
      <SageMakerProvider client={service.client()}>
        <Everything />
      </SageMakerProvider>,
    );
    expect(html).toBe("<p>idle pending idle false</p>");
    expect(service.mock.requests).toHaveLength(0);
  });

  it("prefetches on the server, and the browser hydrates the answer without asking again", async () => {
    const client = service.client();
    const server = new QueryClient();
    await server.prefetchQuery(invokeEndpointQueryOptions(client, input));
    const html = renderToString(
      <SageMakerProvider client={client} queryClient={server}>
        <Label />
      </SageMakerProvider>,
    );
    expect(html).toBe("<p>POSITIVE</p>");
    // What the page carries to the browser: JSON.
    const state = JSON.parse(JSON.stringify(dehydrate(server)));

    const browser = new QueryClient();
    const page = renderToString(
      <SageMakerProvider client={client} queryClient={browser}>
        <HydrationBoundary state={state}>
          <Label />
        </HydrationBoundary>
      </SageMakerProvider>,
    );
    expect(page).toBe("<p>POSITIVE</p>");
    expect(service.mock.requests).toHaveLength(1);
  });

  it("uses the app's QueryClientProvider when it has one", async () => {
    const { QueryClientProvider } = await import("@tanstack/react-query");
    const client = service.client();
    const app = new QueryClient();
    await app.prefetchQuery(invokeEndpointQueryOptions(client, input));
    const html = renderToString(
      <QueryClientProvider client={app}>
        <SageMakerProvider client={client}>
          <Label />
        </SageMakerProvider>
      </QueryClientProvider>,
    );
    expect(html).toBe("<p>POSITIVE</p>");
  });
});
