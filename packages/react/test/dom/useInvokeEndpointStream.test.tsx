import { ChatStreamError, ModelStreamError, readSseData, ValidationError } from "@sagefetch/core";
import { setupMockService } from "@sagefetch/testing/startMock";
import { act, renderHook, render as renderUi, waitFor } from "@testing-library/react";
import { StrictMode, useEffect, useRef } from "react";
import { describe, expect, it } from "vitest";
import {
  type StreamResult,
  type UseInvokeEndpointStreamResult,
  useInvokeEndpointStream,
} from "../../src/index";
import {
  cutAt,
  FAMILIES,
  LMI_FAILURE,
  lmiFailing,
  vllmWithUsage,
  weatherCall,
} from "../harness/chatContainers";
import { mockOptions } from "../harness/endpoints";
import { providerFor } from "../harness/wrapper";

const service = setupMockService(mockOptions);

const chat = { EndpointName: "chat", ContentType: "application/json" };
const ask = (inputs: string, extra: object = {}) => ({
  ...chat,
  Body: JSON.stringify({ inputs, ...extra }),
});
/** A long stream: 1,000 tokens over 2 s, still running when a test stops or replaces it. */
const FIREHOSE = { EndpointName: "firehose", Body: '{"tokens": 1000, "ms": 2000}' };

/**
 * Starts the long stream from a rendered hook and waits until more than `atLeast` parts have
 * arrived. `done` is its `start()` promise (in an object: a promise returned here would be waited
 * for).
 */
async function startFirehose(
  result: { current: UseInvokeEndpointStreamResult<unknown> },
  atLeast: number,
): Promise<{ done: Promise<StreamResult> }> {
  let done!: Promise<StreamResult>;
  act(() => {
    done = result.current.start(FIREHOSE);
  });
  await waitFor(() => expect(result.current.parts.length).toBeGreaterThan(atLeast));
  return { done };
}

const render = <T,>(hook: () => T, client = service.client()) =>
  renderHook(hook, { wrapper: providerFor(client) });

describe("useInvokeEndpointStream", () => {
  it("streams TGI tokens into text and parts, with timing", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    expect(result.current).toMatchObject({ status: "idle", text: "", parts: [] });
    await act(() => result.current.start(ask("hello")));
    expect(result.current.status).toBe("success");
    expect(result.current.text).toBe('Turn 1: you said "hello".');
    expect(result.current.parts).toEqual(["Turn", " 1:", " you", " said", ' "hello".']);
    expect(result.current.error).toBeNull();
    expect(result.current.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(result.current.tokensPerSecond).toBeGreaterThan(0);
  });

  it("reads raw text in text format (auto for text/plain), and UTF-8 across parts", async () => {
    const { result } = render(() =>
      useInvokeEndpointStream({ defaults: { EndpointName: "echo", ContentType: "text/plain" } }),
    );
    // echo streams its body in 3 parts cut at byte offsets: "€" straddles two.
    await act(() => result.current.start({ Body: "a€b€c" }));
    expect(result.current.text).toBe("a€b€c");
    expect(result.current.parts.join("")).toBe("a€b€c");
  });

  it("format: text shows the SSE events themselves; a reader of one's own works too", async () => {
    const raw = render(() => useInvokeEndpointStream({ format: "text" }));
    await act(() => raw.result.current.start(ask("hi", { parameters: { max_new_tokens: 2 } })));
    expect(raw.result.current.text).toMatch(/^data: \{"token":\{"id":\d+,"text":"Turn"/);
    const sse = render(() => useInvokeEndpointStream({ format: readSseData }));
    await act(() => sse.result.current.start(ask("hi", { parameters: { max_new_tokens: 2 } })));
    expect(sse.result.current.parts.map((p) => JSON.parse(p).token.text)).toEqual(["Turn", " 1:"]);
  });

  it("a ModelStreamError mid-stream keeps the text that came before it", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    await act(() => result.current.start({ EndpointName: "breaks-midway", Body: "{}" }));
    expect(result.current.status).toBe("error");
    expect(result.current.error).toBeInstanceOf(ModelStreamError);
    expect(result.current.error?.message).toBe("CUDA out of memory");
    expect(result.current.text).toBe("Hello world");
  });

  it("an error before the stream: status error, nothing streamed, never a rejection", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    await act(() => result.current.start({ EndpointName: "nope", Body: "{}" }));
    expect(result.current).toMatchObject({ status: "error", text: "" });
    expect(result.current.error).toBeInstanceOf(ValidationError);
  });

  it("the client retries before the first part only; the hook never does", async () => {
    service.mock.faults.throttle(1);
    const { result } = render(() => useInvokeEndpointStream());
    await act(() => result.current.start(ask("again")));
    expect(result.current.status).toBe("success");
    expect(service.mock.requests.map((r) => r.status)).toEqual([400, 200]);
    service.mock.faults.cutStream(2);
    await act(() => result.current.start(ask("cut")));
    expect(result.current.status).toBe("error");
    expect(result.current.text).toBe("Turn 1:");
    expect(service.mock.requests).toHaveLength(3);
  });

  it("abort() stops the stream and keeps what arrived; reset() empties it", async () => {
    const { result } = render(() => useInvokeEndpointStream({ throttleMs: 0 }));
    const { done } = await startFirehose(result, 5);
    act(() => result.current.abort());
    await act(() => done);
    const kept = result.current.parts.length;
    expect(result.current).toMatchObject({ status: "aborted", error: null });
    expect(kept).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result.current.parts).toHaveLength(kept);
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ status: "idle", text: "", parts: [] });
  });

  it("unmounting aborts the stream", async () => {
    const client = service.client();
    const sent: AbortSignal[] = [];
    const send = client.send.bind(client);
    client.send = ((command, options) => {
      if (options?.abortSignal) sent.push(options.abortSignal);
      return send(command, options);
    }) as typeof client.send;
    const { result, unmount } = render(() => useInvokeEndpointStream(), client);
    await startFirehose(result, 5);
    unmount();
    // Deferred by a task (a StrictMode rehearsal unmount is followed at once by a mount).
    await waitFor(() => expect(sent[0]?.aborted).toBe(true));
  });

  it("under StrictMode, a stream started once from a mount effect streams to the end", async () => {
    const Provider = providerFor(service.client());
    renderUi(
      <StrictMode>
        <Provider>
          <Once />
        </Provider>
      </StrictMode>,
    );
    await waitFor(() => expect(["success", "error", "aborted"]).toContain(seen.hook?.status));
    expect(seen.hook).toMatchObject({ status: "success", text: 'Turn 1: you said "once".' });
  });

  it("gives the stream's duration, from start to its end", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    expect(result.current.durationMs).toBeUndefined();
    service.mock.stream.delayMs = 30;
    const started = performance.now();
    await act(() => result.current.start(ask("hello")));
    const elapsed = performance.now() - started;
    expect(result.current.durationMs).toBeGreaterThanOrEqual(
      result.current.timeToFirstTokenMs as number,
    );
    expect(result.current.durationMs).toBeGreaterThan(100);
    expect(result.current.durationMs).toBeLessThanOrEqual(elapsed);
    act(() => result.current.reset());
    expect(result.current.durationMs).toBeUndefined();
  });

  it("a new start aborts the running stream and shows only the new one", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    const { done: first } = await startFirehose(result, 0);
    await act(() => result.current.start(ask("second")));
    await act(() => first);
    expect(result.current).toMatchObject({ status: "success", text: 'Turn 1: you said "second".' });
  });

  it("aborting before the answer comes is an abort, not an error", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    service.mock.faults.delay(2000);
    let done!: Promise<unknown>;
    act(() => {
      done = result.current.start(ask("slow"));
    });
    await waitFor(() => expect(result.current.status).toBe("streaming"));
    act(() => result.current.abort());
    await act(() => done);
    expect(result.current).toMatchObject({ status: "aborted", error: null, text: "" });
  });
});

describe("useInvokeEndpointStream: what a stream gives back", () => {
  const finish = (reason: string) => ({ type: "finish", reason });

  it("start() resolves with the text, events, finish reason, usage, status and error", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    const ended = await act(() => result.current.start(ask("hello")));
    expect(ended).toEqual({
      text: result.current.text,
      events: [
        { type: "start", format: "sse-tokens" },
        ...result.current.parts.map((text) => ({ type: "text-delta", text })),
        { ...finish("stop"), rawReason: "eos_token" },
      ],
      finishReason: "stop",
      status: "success",
      error: null,
    });
    expect(ended.usage).toBeUndefined();
    expect(ended.text).toBe('Turn 1: you said "hello".');
  });

  it("onToken hears each piece as it arrives, onFinish the result start() resolves with", async () => {
    const tokens: string[] = [];
    const finished: StreamResult[] = [];
    const errors: unknown[] = [];
    const { result } = render(() =>
      useInvokeEndpointStream({
        onToken: (token) => tokens.push(token),
        onFinish: (ended) => finished.push(ended),
        onError: (error) => errors.push(error),
      }),
    );
    const ended = await act(() => result.current.start(ask("hi")));
    expect(tokens).toEqual(result.current.parts);
    expect(tokens.length).toBeGreaterThan(1);
    expect(finished).toEqual([ended]);
    expect(errors).toEqual([]);
  });

  it("a stream that fails: onError, then onFinish, and an error event before the finish", async () => {
    const heard: string[] = [];
    const { result } = render(() =>
      useInvokeEndpointStream({
        onError: (error) => heard.push(`error ${error.name}`),
        onFinish: (ended) => heard.push(`finish ${ended.status}`),
      }),
    );
    const ended = await act(() =>
      result.current.start({ EndpointName: "breaks-midway", Body: "{}" }),
    );
    expect(heard).toEqual(["error ModelStreamError", "finish error"]);
    expect(ended).toMatchObject({ text: "Hello world", status: "error", finishReason: "error" });
    expect(ended.error).toBeInstanceOf(ModelStreamError);
    expect(ended.error).toBe(result.current.error);
    expect(ended.events.slice(-2)).toEqual([
      { type: "error", message: "CUDA out of memory" },
      finish("error"),
    ]);
    expect(ended.events.filter((event) => event.type === "text-delta")).toHaveLength(2);
  });

  it("an aborted stream resolves as aborted with what arrived; onError stays silent", async () => {
    const errors: unknown[] = [];
    const finished: StreamResult[] = [];
    const { result } = render(() =>
      useInvokeEndpointStream({
        throttleMs: 0,
        onError: (error) => errors.push(error),
        onFinish: (ended) => finished.push(ended),
      }),
    );
    const { done } = await startFirehose(result, 5);
    act(() => result.current.abort());
    const ended = await act(() => done);
    expect(ended).toMatchObject({ status: "aborted", finishReason: "abort", error: null });
    expect(ended.text).toBe(result.current.text);
    expect(ended.text.startsWith("t0 t1 t2 ")).toBe(true);
    expect(ended.events.at(-1)).toEqual(finish("abort"));
    expect(errors).toEqual([]);
    expect(finished).toEqual([ended]);
  });

  it("a stream a newer start() replaced resolves as aborted with its own text", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    const { done: first } = await startFirehose(result, 0);
    const second = await act(() => result.current.start(ask("second")));
    const replaced = await act(() => first);
    expect(replaced).toMatchObject({ status: "aborted", finishReason: "abort" });
    expect(replaced.text.startsWith("t0 ")).toBe(true);
    expect(second).toMatchObject({ status: "success", text: 'Turn 1: you said "second".' });
  });

  it("the callbacks of the latest render are the ones called", async () => {
    const heard: string[] = [];
    const { result, rerender } = renderHook(
      ({ name }: { name: string }) =>
        useInvokeEndpointStream({ onFinish: (ended) => heard.push(`${name}: ${ended.text}`) }),
      { wrapper: providerFor(service.client()), initialProps: { name: "first" } },
    );
    rerender({ name: "second" });
    await act(() => result.current.start(ask("hi", { parameters: { max_new_tokens: 1 } })));
    expect(heard).toEqual(["second: Turn"]);
  });
});

describe("useInvokeEndpointStream: the demo chat containers' finish reasons and usage", () => {
  it.each(FAMILIES)(
    "%s: cut at the max tokens ends with length; a full answer with stop",
    async (family) => {
      const { result } = render(() => useInvokeEndpointStream());
      const cut = await act(() => result.current.start(cutAt(family, "one two three", 2)));
      expect(cut).toMatchObject({ status: "success", finishReason: "length", text: "Turn 1:" });
      expect(result.current.parts).toEqual(["Turn", " 1:"]);
      expect(cut.events[0]).toMatchObject({ type: "start" });
      expect(cut.events.at(-1)).toMatchObject({ type: "finish", reason: "length" });
      // `inputs` bodies ask for `details` (generated tokens); the others did not ask for usage.
      const inputsStyle = family === "tgi" || family === "lmi";
      expect(cut.usage).toEqual(inputsStyle ? { completionTokens: 2 } : undefined);
      const whole = await act(() => result.current.start(cutAt(family, "one two three", 64)));
      expect(whole).toMatchObject({
        finishReason: "stop",
        text: 'Turn 1: you said "one two three".',
      });
    },
  );

  it("vllm reports usage with stream_options.include_usage, in the result and the finish", async () => {
    const { result } = render(() => useInvokeEndpointStream());
    const ended = await act(() => result.current.start(vllmWithUsage("Hello there")));
    // Two words in, six tokens out (`Turn 1: you said "Hello there".`, a token a word).
    const usage = { promptTokens: 2, completionTokens: 6, totalTokens: 8 };
    expect(ended).toMatchObject({ status: "success", finishReason: "stop", usage });
    expect(result.current.parts).toHaveLength(6);
    expect(ended.events.at(-1)).toMatchObject({ type: "finish", reason: "stop", usage });
    const without = await act(() => result.current.start(cutAt("vllm", "Hello there", 64)));
    expect(without.usage).toBeUndefined();
  });

  it.each(["vllm", "tgi-messages", "lmi-messages"] as const)(
    "%s: a tool call ends with tool-calls, its pieces as tool-call-delta events, no tokens",
    async (family) => {
      const tokens: string[] = [];
      const { result } = render(() =>
        useInvokeEndpointStream({ onToken: (token) => tokens.push(token) }),
      );
      const ended = await act(() => result.current.start(weatherCall(family, "Lyon")));
      expect(ended).toMatchObject({ status: "success", finishReason: "tool-calls", text: "" });
      const pieces = ended.events.filter((event) => event.type === "tool-call-delta");
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces[0]).toMatchObject({ index: 0, id: "call_lyon_1", name: "get_weather" });
      expect(pieces.map((piece) => piece.argumentsDelta).join("")).toBe('{"city":"Lyon"}');
      expect(tokens).toEqual([]);
      expect(result.current).toMatchObject({ status: "success", text: "", parts: [] });
    },
  );

  it("LMI's in-band error: status error, finish reason error, the container's message", async () => {
    const errors: unknown[] = [];
    const { result } = render(() =>
      useInvokeEndpointStream({ onError: (error) => errors.push(error) }),
    );
    const ended = await act(() => result.current.start(lmiFailing()));
    expect(ended).toMatchObject({ status: "error", finishReason: "error", text: "Turn" });
    expect(ended.error).toBeInstanceOf(ChatStreamError);
    expect(ended.error?.message).toContain(LMI_FAILURE);
    expect(result.current).toMatchObject({ status: "error", error: ended.error, text: "Turn" });
    expect(ended.events.filter((event) => event.type === "error")).toEqual([
      { type: "error", message: LMI_FAILURE },
    ]);
    expect(ended.events.at(-1)).toMatchObject({ type: "finish", reason: "error" });
    expect(errors).toEqual([ended.error]);
  });
});

/** Starts one stream from a mount effect (a ref guards against StrictMode's second mount). */
const seen: { hook?: UseInvokeEndpointStreamResult } = {};
function Once() {
  const hook = useInvokeEndpointStream({ defaults: chat, format: "tokens" });
  seen.hook = hook;
  const started = useRef(false);
  const { start } = hook;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start(ask("once"));
  }, [start]);
  return null;
}
