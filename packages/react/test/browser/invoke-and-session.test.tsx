import { AbortError } from "@sagefetch/core";
import { setupMockService } from "@sagefetch/testing/startMock";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useInvokeEndpoint, useInvokeEndpointStream, useStatefulSession } from "../../src/index";
import { mockOptions, order } from "../harness/endpoints";
import { startSlowCall } from "../harness/slowCall";
import { providerFor } from "../harness/wrapper";

const service = setupMockService(mockOptions);
afterEach(() => sessionStorage.clear());

describe("in Chromium, through MSW's service worker", () => {
  it("invokes and decodes, with real fetch", async () => {
    const { result } = renderHook(() => useInvokeEndpoint(), {
      wrapper: providerFor(service.client()),
    });
    const { data } = await act(() =>
      result.current.invoke({ EndpointName: "tabular", Body: "1,2,3\n", ContentType: "text/csv" }),
    );
    expect(data).toBe("0.880797\n");
  });

  it("a call running when the component unmounts is aborted at once", async () => {
    const { result, unmount } = renderHook(() => useInvokeEndpoint(), {
      wrapper: providerFor(service.client()),
    });
    const { call } = await startSlowCall(result, service.mock, 5000);
    const started = performance.now();
    unmount();
    expect(await call).toBeInstanceOf(AbortError);
    // Rejected long before the 5 s answer, with room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it("abort() leaves a call aborted, not failed: isAborted, no error", async () => {
    const { result } = renderHook(() => useInvokeEndpoint(), {
      wrapper: providerFor(service.client()),
    });
    const { call } = await startSlowCall(result, service.mock, 5000);
    act(() => result.current.abort());
    expect(await act(() => call)).toBeInstanceOf(AbortError);
    await waitFor(() => expect(result.current.isAborted).toBe(true));
    expect(result.current).toMatchObject({ status: "idle", error: null, isError: false });
  });

  it("a stream's start() resolves with its result; onToken hears every token", async () => {
    const tokens: string[] = [];
    const { result } = renderHook(
      () =>
        useInvokeEndpointStream({
          defaults: { EndpointName: "chat", ContentType: "application/json" },
          onToken: (token) => tokens.push(token),
        }),
      { wrapper: providerFor(service.client()) },
    );
    const ended = await act(() => result.current.start({ Body: JSON.stringify({ inputs: "hi" }) }));
    expect(ended).toMatchObject({
      text: 'Turn 1: you said "hi".',
      status: "success",
      finishReason: "stop",
      error: null,
    });
    expect(tokens.join("")).toBe(ended.text);
    expect(ended.events.filter((event) => event.type === "text-delta")).toHaveLength(tokens.length);
  });

  it("a session's calls go one at a time, in order, and its stream grows in place", async () => {
    const { result } = renderHook(
      () => useStatefulSession({ endpointName: "ordered", ContentType: "application/json" }),
      { wrapper: providerFor(service.client()) },
    );
    const session = await act(() => result.current.open());
    await act(() =>
      Promise.all(
        [
          { n: 1, wait: 80 },
          { n: 2, wait: 0 },
          { n: 3, wait: 30 },
        ].map((call) => session.invoke({ Body: JSON.stringify(call) })),
      ),
    );
    expect(order).toEqual(["1", "2", "3"]);
  });

  it("keeps the session id in sessionStorage across a remount", async () => {
    const options = { endpointName: "chat", ContentType: "application/json", persist: true };
    const first = renderHook(() => useStatefulSession(options), {
      wrapper: providerFor(service.client()),
    });
    const { id } = await act(() => first.result.current.open());
    first.unmount();
    const second = renderHook(() => useStatefulSession(options), {
      wrapper: providerFor(service.client()),
    });
    await waitFor(() => expect(second.result.current.session?.id).toBe(id));
    const current = second.result.current;
    if (!current.isOpen) throw new Error("not open");
    await act(() => current.stream({ Body: JSON.stringify({ inputs: "still here?" }) }));
    expect(second.result.current.text).toBe('Turn 1: you said "still here?".');
  });
});
