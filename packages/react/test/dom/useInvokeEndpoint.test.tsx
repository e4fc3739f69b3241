import {
  AbortError,
  InternalDependencyException,
  InternalFailure,
  ModelError,
  ModelNotReadyException,
  ServiceUnavailable,
  TimeoutError,
  ValidationError,
} from "@sagefetch/core";
import { setupMockService } from "@sagefetch/testing/startMock";
import { act, renderHook, render as renderUi, waitFor } from "@testing-library/react";
import { Component, type ReactNode, StrictMode, useEffect, useRef } from "react";
import { describe, expect, it, vi } from "vitest";
import { useInvokeEndpoint } from "../../src/index";
import { mockOptions } from "../harness/endpoints";
import { startSlowCall } from "../harness/slowCall";
import { providerFor, settle } from "../harness/wrapper";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const service = setupMockService(mockOptions);

const json = { ContentType: "application/json" };
const render = <T,>(hook: () => T, client = service.client()) =>
  renderHook(hook, { wrapper: providerFor(client) });

describe("useInvokeEndpoint", () => {
  it("invokes, and decodes JSON by its content type", async () => {
    const { result } = render(() => useInvokeEndpoint());
    expect(result.current.status).toBe("idle");
    let resolved: unknown;
    await act(async () => {
      resolved = await result.current.invoke({
        EndpointName: "sentiment",
        Body: JSON.stringify({ inputs: "I love it" }),
        ...json,
      });
    });
    // TanStack Query notifies observers on a later tick.
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.data).toEqual([{ label: "POSITIVE", score: 0.8333 }]);
    expect(result.current.output?.ContentType).toBe("application/json");
    expect(result.current.output?.$metadata.httpStatusCode).toBe(200);
    expect(resolved).toEqual({ data: result.current.data, output: result.current.output });
  });

  it("reads CSV as text and other types as bytes", async () => {
    const { result } = render(() => useInvokeEndpoint());
    await act(() =>
      result.current.invoke({ EndpointName: "tabular", Body: "1,2,3\n", ContentType: "text/csv" }),
    );
    await waitFor(() => expect(result.current.data).toBe("0.880797\n"));
    await act(() => result.current.invoke({ EndpointName: "bytes", Body: "x" }));
    await waitFor(() => expect(result.current.data).toBeInstanceOf(Uint8Array));
    expect([...(result.current.data as Uint8Array)]).toEqual([0, 1, 2, 255]);
  });

  it("takes a decoder, and defaults that become optional in invoke", async () => {
    const { result } = render(() =>
      useInvokeEndpoint({
        defaults: { EndpointName: "sentiment", ...json },
        decode: (output, input) => ({
          label: JSON.parse(output.Body.transformToString())[0].label as string,
          endpoint: input.EndpointName,
        }),
      }),
    );
    await act(() => result.current.invoke({ Body: '{"inputs":"awful"}' }));
    await waitFor(() =>
      expect(result.current.data).toEqual({ label: "NEGATIVE", endpoint: "sentiment" }),
    );
    expect(result.current.variables).toEqual({ Body: '{"inputs":"awful"}' });
  });

  it("pending while the call runs, then reset back to idle", async () => {
    const { result } = render(() => useInvokeEndpoint());
    let call!: Promise<unknown>;
    act(() => {
      call = result.current.invoke({
        EndpointName: "slow",
        Body: "{}",
        CustomAttributes: "delay-ms=50",
      });
    });
    await waitFor(() => expect(result.current.isPending).toBe(true));
    await act(() => call);
    await waitFor(() => expect(result.current.data).toEqual({ waitedMs: 50 }));
    act(() => result.current.reset());
    await waitFor(() =>
      expect(result.current).toMatchObject({ status: "idle", data: undefined, output: undefined }),
    );
  });

  describe("gives each error class as is, and retries only in the client", () => {
    it.each([
      ["ValidationError (unknown endpoint)", () => {}, "nope", ValidationError, 1],
      ["ModelError", () => {}, "sentiment", ModelError, 1],
      [
        "ModelNotReadyException",
        () =>
          service.mock.faults
            .push({ status: 429, code: "ModelNotReadyException", message: "warming" })
            .push({ status: 429, code: "ModelNotReadyException", message: "warming" })
            .push({ status: 429, code: "ModelNotReadyException", message: "warming" }),
        "sentiment",
        ModelNotReadyException,
        3,
      ],
      [
        "InternalFailure",
        () => service.mock.faults.statusSequence([500, 500, 500]),
        "sentiment",
        InternalFailure,
        3,
      ],
      [
        "ServiceUnavailable",
        () => service.mock.faults.statusSequence([503, 503, 503]),
        "sentiment",
        ServiceUnavailable,
        3,
      ],
      [
        "InternalDependencyException",
        () => service.mock.faults.statusSequence([530]),
        "sentiment",
        InternalDependencyException,
        1,
      ],
    ])("%s", async (_name, arrange, endpoint, type, requests) => {
      arrange();
      const { result } = render(() => useInvokeEndpoint());
      const error = await act(() =>
        settle(result.current.invoke({ EndpointName: endpoint, Body: '{"text": 1}', ...json })),
      );
      expect(error).toBeInstanceOf(type);
      await waitFor(() => expect(result.current.error).toBe(error));
      expect(result.current.status).toBe("error");
      // maxAttempts 3 for retryable errors, and no retry on top by the hook.
      expect(service.mock.requests).toHaveLength(requests);
    });

    it("TimeoutError, after the client's attempts", async () => {
      const client = service.client({ requestTimeout: 30, maxAttempts: 2 });
      const { result } = render(() => useInvokeEndpoint(), client);
      const error = await act(() =>
        settle(
          result.current.invoke({
            EndpointName: "slow",
            Body: "{}",
            CustomAttributes: "delay-ms=500",
          }),
        ),
      );
      expect(error).toBeInstanceOf(TimeoutError);
      expect(service.mock.requests).toHaveLength(2);
    });
  });

  it("the client's retries recover a throttled call: one invoke, two requests", async () => {
    service.mock.faults.throttle(1);
    const { result } = render(() => useInvokeEndpoint());
    await act(() =>
      result.current.invoke({ EndpointName: "sentiment", Body: "good", ContentType: "text/plain" }),
    );
    await waitFor(() =>
      expect(result.current.data).toEqual([{ label: "POSITIVE", score: 0.8333 }]),
    );
    expect(result.current.output?.$metadata.attempts).toBe(2);
    expect(service.mock.requests.map((r) => r.status)).toEqual([400, 200]);
  });

  it("retries in the hook only when asked", async () => {
    const client = service.client({ maxAttempts: 1 });
    service.mock.faults.statusSequence([503, 503]);
    const { result } = render(() => useInvokeEndpoint({ retry: 2, retryDelay: 0 }), client);
    await act(() =>
      result.current.invoke({ EndpointName: "sentiment", Body: "good", ContentType: "text/plain" }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(service.mock.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("abort() aborts the running calls, and an aborted call is not retried", async () => {
    const { result } = render(() => useInvokeEndpoint({ retry: 3 }));
    let calls!: Promise<unknown>[];
    act(() => {
      calls = [1, 2].map(() =>
        settle(
          result.current.invoke({
            EndpointName: "slow",
            Body: "{}",
            CustomAttributes: "delay-ms=2000",
          }),
        ),
      );
    });
    await waitFor(() => expect(service.mock.requests).toHaveLength(2));
    act(() => result.current.abort());
    const errors = await act(() => Promise.all(calls));
    for (const error of errors) expect(error).toBeInstanceOf(AbortError);
    await waitFor(() => expect(result.current.isAborted).toBe(true));
    expect(service.mock.requests).toHaveLength(2);
  });

  it("an aborted call reports isAborted, not an error; onError hears only real errors", async () => {
    const heard: string[] = [];
    const { result } = render(() =>
      useInvokeEndpoint({ onError: (error) => void heard.push(error.name) }),
    );
    expect(result.current.isAborted).toBe(false);
    const { call } = await startSlowCall(result, service.mock, 2000);
    act(() => result.current.abort());
    expect(await act(() => call)).toBeInstanceOf(AbortError);
    await waitFor(() => expect(result.current.isAborted).toBe(true));
    expect(result.current).toMatchObject({
      status: "idle",
      isIdle: true,
      isError: false,
      error: null,
      failureReason: null,
    });
    expect(heard).toEqual([]);

    await act(() => settle(result.current.invoke({ EndpointName: "nope", Body: "x" })));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.isAborted).toBe(false);
    expect(result.current.error).toBeInstanceOf(ValidationError);
    expect(heard).toEqual(["ValidationError"]);
  });

  it("a call still running when the component unmounts is aborted", async () => {
    const { result, unmount } = render(() => useInvokeEndpoint());
    const { call } = await startSlowCall(result, service.mock, 5000);
    const started = performance.now();
    unmount();
    expect(await call).toBeInstanceOf(AbortError);
    // Rejected long before the 5 s answer, with room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it.each([
    [
      "abort()",
      (view: { result: { current: { abort(): void } }; unmount(): void }) =>
        act(() => view.result.current.abort()),
    ],
    ["unmounting", (view: { unmount(): void }) => view.unmount()],
  ])("%s reaches a call waiting to retry: nothing more is sent, AbortError", async (_, stop) => {
    const view = render(
      () => useInvokeEndpoint({ retry: 1, retryDelay: 300 }),
      service.client({ maxAttempts: 1 }),
    );
    let call!: Promise<unknown>;
    act(() => {
      call = settle(view.result.current.invoke({ EndpointName: "nope", Body: "x" }));
    });
    await waitFor(() => expect(view.result.current.failureCount).toBe(1));
    stop(view);
    expect(await call).toBeInstanceOf(AbortError);
    expect(service.mock.requests).toHaveLength(1);
  });

  it("abort() reaches a call queued behind another of its scope", async () => {
    const { result } = render(() => useInvokeEndpoint({ scope: { id: "one-at-a-time" } }));
    let calls!: Promise<unknown>[];
    act(() => {
      calls = [
        { EndpointName: "slow", Body: "{}", CustomAttributes: "delay-ms=2000" },
        { EndpointName: "echo", Body: "queued", ContentType: "text/plain" },
      ].map((input) => settle(result.current.invoke(input)));
    });
    await waitFor(() => expect(service.mock.requests).toHaveLength(1));
    act(() => result.current.abort());
    const errors = await act(() => Promise.all(calls));
    for (const error of errors) expect(error).toBeInstanceOf(AbortError);
    await sleep(50);
    expect(service.mock.requests).toHaveLength(1);
  });

  it("under StrictMode, a call made once from a mount effect is not aborted", async () => {
    const Provider = providerFor(service.client());
    renderUi(
      <StrictMode>
        <Provider>
          <Once />
        </Provider>
      </StrictMode>,
    );
    await waitFor(() => expect(once.result).toBeDefined());
    expect(once.result).toMatchObject({ data: "once" });
  });

  it("concurrent calls each resolve with their own answer", async () => {
    const { result } = render(() =>
      useInvokeEndpoint({ defaults: { EndpointName: "echo", ContentType: "text/plain" } }),
    );
    const answers = await act(() =>
      Promise.all(["a", "b", "c"].map((Body) => result.current.invoke({ Body }))),
    );
    expect(answers.map((a) => a.data)).toEqual(["a", "b", "c"]);
  });

  it("validates the input before sending: nothing goes out", async () => {
    const { result } = render(() => useInvokeEndpoint());
    const error = await act(() =>
      settle(result.current.invoke({ EndpointName: "bad name!", Body: "x" })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "EndpointName" });
    expect(service.mock.requests).toHaveLength(0);
  });

  it("needs a provider", () => {
    let caught: unknown;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    renderUi(
      <Catch onError={(error) => (caught = error)}>
        <Invoker />
      </Catch>,
    );
    quiet.mockRestore();
    expect(caught).toMatchObject({ message: expect.stringMatching(/<SageMakerProvider/) });
  });
});

/** Invokes once from a mount effect (a ref guards against StrictMode's second mount). */
const once: { result?: unknown } = {};
function Once() {
  const { invoke } = useInvokeEndpoint();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    settle(invoke({ EndpointName: "echo", Body: "once", ContentType: "text/plain" })).then(
      (result) => (once.result = result),
    );
  }, [invoke]);
  return null;
}

function Invoker() {
  useInvokeEndpoint();
  return null;
}

/** Hands the error thrown by its children to `onError`. */
class Catch extends Component<{ onError(error: unknown): void; children: ReactNode }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
