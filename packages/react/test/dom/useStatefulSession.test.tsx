import { AbortError, type SageMakerRuntimeClient, SessionExpiredError } from "@sagefetch/core";
import { act, render, renderHook, waitFor } from "@testing-library/react";
import { StrictMode, useEffect } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type UseStatefulSessionOptions, useStatefulSession } from "../../src/index";
import { order } from "../harness/endpoints";
import { type MockService, startMock } from "../harness/startMock";
import { providerFor, settle } from "../harness/wrapper";

let service: MockService;
beforeAll(async () => {
  service = await startMock();
});
afterEach(() => {
  service.reset();
  sessionStorage.clear();
});
afterAll(() => service.stop());

const ask = (inputs: string) => ({ Body: JSON.stringify({ inputs }) });
const sessionIdsSent = () =>
  service.mock.requests.map((r) => r.headers["x-amzn-sagemaker-session-id"]);

const storageKey = "sagefetch:session:chat";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records the signal of every call `client` sends; with `ignoreAbort`, answers arrive anyway. */
function spySignals(client: SageMakerRuntimeClient, ignoreAbort = false): AbortSignal[] {
  const signals: AbortSignal[] = [];
  const send = client.send.bind(client);
  client.send = ((command, options) => {
    if (options?.abortSignal) signals.push(options.abortSignal);
    return send(command, ignoreAbort ? undefined : options);
  }) as typeof client.send;
  return signals;
}

function renderSession(options: UseStatefulSessionOptions, client = service.client()) {
  return renderHook((props: UseStatefulSessionOptions) => useStatefulSession(props), {
    wrapper: providerFor(client),
    initialProps: options,
  });
}

/** The hook's value once its session is open (fails the test otherwise). */
function opened(current: ReturnType<typeof useStatefulSession>) {
  if (!current.isOpen) throw new Error(`session not open: ${current.session?.state}`);
  return current;
}

/** What `Chat` saw: its effects' mounts, and the hook's latest value. */
const chat: { mounts: number; current?: ReturnType<typeof useStatefulSession> } = { mounts: 0 };

function Chat({ options }: { options: UseStatefulSessionOptions }) {
  chat.current = useStatefulSession(options);
  useEffect(() => {
    chat.mounts++;
  }, []);
  return null;
}

describe("useStatefulSession", () => {
  it("opens, invokes and streams within the session, in order, and closes", async () => {
    const { result } = renderSession({ endpointName: "chat", ContentType: "application/json" });
    expect(result.current).toMatchObject({ isOpen: false, session: undefined });
    expect(result.current.invoke).toBeUndefined();

    const handle = await act(() => result.current.open());
    const chat = opened(result.current);
    expect(chat.session).toMatchObject({ id: handle.id, state: "open" });
    expect(chat.session.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 1_000_000);

    const first = await act(() => chat.invoke(ask("Hello")));
    expect(first.data).toEqual([{ generated_text: 'Turn 1: you said "Hello".' }]);
    await act(() => chat.stream(ask("And then?")));
    expect(result.current).toMatchObject({
      status: "success",
      text: 'Turn 2: you said "And then?". Before that you said "Hello".',
    });
    await act(() => opened(result.current).close());
    expect(result.current).toMatchObject({
      isOpen: false,
      session: { id: handle.id, state: "closed" },
    });
    expect(sessionIdsSent()).toEqual(["NEW_SESSION", handle.id, handle.id, handle.id]);
    expect(service.mock.requests.at(-1)?.body).toEqual(
      new TextEncoder().encode('{"requestType":"CLOSE"}'),
    );
  });

  it("a session's stream() resolves with its result, and calls the stream callbacks", async () => {
    const tokens: string[] = [];
    const finished: unknown[] = [];
    const { result } = renderSession({
      endpointName: "chat",
      ContentType: "application/json",
      onToken: (token) => tokens.push(token),
      onFinish: (ended) => finished.push(ended),
    });
    await act(() => result.current.open());
    const ended = await act(() => opened(result.current).stream(ask("Hello")));
    expect(ended).toMatchObject({
      text: 'Turn 1: you said "Hello".',
      status: "success",
      finishReason: "stop",
      error: null,
    });
    expect(ended.usage).toBeUndefined();
    expect(tokens.join("")).toBe(ended.text);
    expect(finished).toEqual([ended]);
  });

  it("open() while opening or open gives the same session; one NEW_SESSION", async () => {
    const { result } = renderSession({ endpointName: "chat" });
    const [a, b] = await act(() => Promise.all([result.current.open(), result.current.open()]));
    const c = await act(() => result.current.open());
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(sessionIdsSent()).toEqual(["NEW_SESSION"]);
  });

  it("the handle open() resolves with can be used at once", async () => {
    const { result } = renderSession({ endpointName: "chat", ContentType: "application/json" });
    const answer = await act(async () => {
      const session = await result.current.open();
      return session.invoke(ask("right away"));
    });
    expect(answer.data).toEqual([{ generated_text: 'Turn 1: you said "right away".' }]);
  });

  it("sends concurrent calls one at a time, in the order they were made", async () => {
    const { result } = renderSession({ endpointName: "ordered", ContentType: "application/json" });
    const session = await act(() => result.current.open());
    const answers = await act(() =>
      Promise.all(
        [
          { n: 1, wait: 60 },
          { n: 2, wait: 0 },
          { n: 3, wait: 20 },
        ].map((call) => session.invoke({ Body: JSON.stringify(call) })),
      ),
    );
    expect(order).toEqual(["1", "2", "3"]);
    expect(answers.map((a) => a.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("warns before expiry, then shows the session expired; reopen() starts a new one", async () => {
    const onExpiresSoon = vi.fn();
    // `brief` sessions expire 1–2 s after opening; warn 900 ms before.
    const { result } = renderSession({ endpointName: "brief", warnBeforeMs: 900, onExpiresSoon });
    const first = await act(() => result.current.open());
    expect(result.current.expiresSoon).toBe(false);
    await waitFor(() => expect(result.current.expiresSoon).toBe(true), { timeout: 1500 });
    expect(onExpiresSoon).toHaveBeenCalledTimes(1);
    expect(onExpiresSoon).toHaveBeenCalledWith(
      expect.objectContaining({ id: first.id, state: "open" }),
    );
    await waitFor(() => expect(result.current.session?.state).toBe("expired"), { timeout: 2500 });
    expect(result.current).toMatchObject({ isOpen: false, expiresSoon: false });
    // A call on the expired session is refused before anything is sent.
    const sent = service.mock.requests.length;
    expect(await settle(first.invoke(ask("late")))).toBeInstanceOf(SessionExpiredError);
    expect(service.mock.requests).toHaveLength(sent);
    const second = await act(() => result.current.reopen());
    expect(second.id).not.toBe(first.id);
    expect(result.current).toMatchObject({ isOpen: true, session: { id: second.id } });
  }, 10_000);

  it("a session the endpoint no longer knows turns expired, with SessionExpiredError", async () => {
    const { result } = renderSession({ endpointName: "chat", ContentType: "application/json" });
    const session = await act(() => result.current.open());
    service.mock.sessions.clear();
    const error = await act(() => settle(opened(result.current).invoke(ask("hi"))));
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(result.current.session?.state).toBe("expired");
    // A stream on it (through a handle kept from before) ends in the same error.
    await act(() => session.stream(ask("hi")));
    expect(result.current.status).toBe("error");
    expect(result.current.error).toBeInstanceOf(SessionExpiredError);
  });

  it("keeps the id across a reload in sessionStorage when asked, and resumes without a request", async () => {
    const options = { endpointName: "chat", ContentType: "application/json", persist: true };
    const first = renderSession(options);
    const { id } = await act(() => first.result.current.open());
    expect(JSON.parse(sessionStorage.getItem("sagefetch:session:chat") ?? "{}")).toMatchObject({
      id,
    });
    await act(() => opened(first.result.current).invoke(ask("my name is Ada")));
    first.unmount();

    // A new page: same tab storage, a new client, nothing in memory.
    const second = renderSession(options, service.client());
    await waitFor(() => expect(second.result.current.isOpen).toBe(true));
    expect(second.result.current.session?.id).toBe(id);
    await act(() => opened(second.result.current).stream(ask("who am I?")));
    expect(second.result.current.text).toBe(
      'Turn 2: you said "who am I?". Before that you said "my name is Ada".',
    );
    expect(sessionIdsSent().filter((s) => s === "NEW_SESSION")).toHaveLength(1);
    await act(() => opened(second.result.current).close());
    expect(sessionStorage.getItem("sagefetch:session:chat")).toBeNull();
  });

  it("does not keep the id unless asked, and forgets an expired one", async () => {
    const { result } = renderSession({ endpointName: "chat" });
    await act(() => result.current.open());
    expect(sessionStorage.length).toBe(0);
    sessionStorage.setItem(
      "kept",
      JSON.stringify({ id: "old", expiresAt: new Date(Date.now() - 1000) }),
    );
    const stale = renderSession({ endpointName: "chat", persist: "kept" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stale.result.current.session).toBeUndefined();
    expect(sessionStorage.getItem("kept")).toBeNull();
  });

  it("closes on unmount when asked, and not otherwise", async () => {
    const closing = renderSession({ endpointName: "chat", closeOnUnmount: true });
    const { id } = await act(() => closing.result.current.open());
    closing.unmount();
    await waitFor(() => expect(service.mock.sessions.get("chat", id)).toBeUndefined());
    expect(sessionIdsSent()).toEqual(["NEW_SESSION", id]);

    const kept = renderSession({ endpointName: "chat" });
    const other = await act(() => kept.result.current.open());
    kept.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.mock.sessions.get("chat", other.id)).toBeDefined();
  });

  it("StrictMode's rehearsal unmount does not close a resumed session", async () => {
    const options = { endpointName: "chat", persist: true, closeOnUnmount: true };
    const first = renderSession({ endpointName: "chat", persist: true });
    const { id } = await act(() => first.result.current.open());
    first.unmount();
    // Mounted, unmounted and mounted again at once, resuming the kept session each time.
    const Provider = providerFor(service.client());
    const strict = render(
      <StrictMode>
        <Provider>
          <Chat options={options} />
        </Provider>
      </StrictMode>,
    );
    expect(chat.mounts).toBe(2);
    await waitFor(() => expect(chat.current?.session?.id).toBe(id));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.mock.sessions.get("chat", id)).toBeDefined();
    expect(chat.current?.isOpen).toBe(true);
    strict.unmount();
    await waitFor(() => expect(service.mock.sessions.get("chat", id)).toBeUndefined());
  });

  it("unmounting aborts the session's running stream", async () => {
    const client = service.client();
    const { result, unmount } = renderSession(
      { endpointName: "chat", ContentType: "application/json" },
      client,
    );
    const session = await act(() => result.current.open());
    const signals: AbortSignal[] = [];
    const send = client.send.bind(client);
    client.send = ((command, options) => {
      if (options?.abortSignal) signals.push(options.abortSignal);
      return send(command, options);
    }) as typeof client.send;
    service.mock.stream.delayMs = 200;
    act(() => {
      session.stream(ask("long answer"));
    });
    await waitFor(() => expect(result.current.parts.length).toBeGreaterThan(0));
    unmount();
    await waitFor(() => expect(signals[0]?.aborted).toBe(true));
  });

  it("closing on unmount also forgets the id kept in sessionStorage", async () => {
    const { result, unmount } = renderSession({
      endpointName: "chat",
      persist: true,
      closeOnUnmount: true,
    });
    const { id } = await act(() => result.current.open());
    expect(sessionStorage.getItem(storageKey)).not.toBeNull();
    unmount();
    await waitFor(() => expect(service.mock.sessions.get("chat", id)).toBeUndefined());
    expect(sessionStorage.getItem(storageKey)).toBeNull();
    // The next mount has nothing to resume.
    const next = renderSession({ endpointName: "chat", persist: true });
    await sleep(20);
    expect(next.result.current.session).toBeUndefined();
  });

  it("unmounting while the session opens aborts the open", async () => {
    const client = service.client();
    const signals = spySignals(client);
    service.mock.faults.delay(100);
    const { result, unmount } = renderSession({ endpointName: "chat", persist: true }, client);
    let opening!: Promise<unknown>;
    act(() => {
      opening = settle(result.current.open());
    });
    unmount();
    expect(await opening).toBeInstanceOf(AbortError);
    expect(signals[0]?.aborted).toBe(true);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
    // The mock still answers the aborted request (it opens a session): let it, before the next
    // test's reset, or its session would land in the next test.
    await waitFor(() => expect(service.mock.sessions.size).toBe(1));
  });

  it.each([
    ["closed (closeOnUnmount)", true],
    ["dropped, not kept", false],
  ])("a session that opens after unmounting is %s, never attached", async (_, closeOnUnmount) => {
    // The answer arrives although the open was aborted (it was already on its way).
    const client = service.client();
    spySignals(client, true);
    service.mock.faults.delay(100);
    const onExpiresSoon = vi.fn();
    const { result, unmount } = renderSession(
      // Warned at once when attached: `brief` sessions expire within 2 s.
      { endpointName: "brief", persist: "kept", closeOnUnmount, warnBeforeMs: 5000, onExpiresSoon },
      client,
    );
    let opening!: Promise<unknown>;
    act(() => {
      opening = settle(result.current.open());
    });
    unmount();
    expect(await opening).toBeInstanceOf(AbortError);
    await waitFor(() => expect(sessionIdsSent()).toHaveLength(closeOnUnmount ? 2 : 1));
    // The mock may still be handling the CLOSE it has received: wait for its answer.
    const brief = () => service.mock.requests.filter((r) => r.endpointName === "brief");
    await waitFor(() =>
      expect(brief().map((r) => r.status)).toEqual(closeOnUnmount ? [200, 200] : [200]),
    );
    if (closeOnUnmount) {
      const id = brief()[1]?.headers["x-amzn-sagemaker-session-id"] ?? "";
      expect(id).not.toBe("NEW_SESSION");
      expect(service.mock.sessions.get("brief", id)).toBeUndefined();
    }
    await sleep(50);
    expect(sessionIdsSent()).toHaveLength(closeOnUnmount ? 2 : 1);
    expect(sessionStorage.getItem("kept")).toBeNull();
    expect(onExpiresSoon).not.toHaveBeenCalled();
  });

  it("shows the session opening, without an id, while it opens", async () => {
    const { result } = renderSession({ endpointName: "chat" });
    let opening!: Promise<unknown>;
    act(() => {
      opening = result.current.open();
    });
    expect(result.current).toMatchObject({
      isOpen: false,
      session: { id: undefined, expiresAt: undefined, state: "opening" },
    });
    const { id } = (await act(() => opening)) as { id: string };
    expect(result.current.session).toMatchObject({ id, state: "open" });

    const failing = renderSession({ endpointName: "nope" });
    let failed!: Promise<unknown>;
    act(() => {
      failed = settle(failing.result.current.open());
    });
    expect(failing.result.current.session?.state).toBe("opening");
    await act(() => failed);
    expect(failing.result.current.session).toBeUndefined();
  });

  it("a close that fails shows sessionError, and close() still rejects", async () => {
    const { result } = renderSession({ endpointName: "chat" }, service.client({ maxAttempts: 1 }));
    await act(() => result.current.open());
    service.mock.faults.statusSequence([500]);
    const error = await act(() => settle(opened(result.current).close()));
    expect(error).toMatchObject({ name: "InternalFailure" });
    expect(result.current.sessionError).toBe(error);
    expect(result.current.session?.state).toBe("open");
  });

  it("reopen() opens a new session even when closing the old one fails", async () => {
    const { result } = renderSession({ endpointName: "chat" }, service.client({ maxAttempts: 1 }));
    const first = await act(() => result.current.open());
    service.mock.faults.statusSequence([500]);
    const second = await act(() => result.current.reopen());
    expect(second.id).not.toBe(first.id);
    expect(result.current).toMatchObject({ isOpen: true, session: { id: second.id } });
    expect(sessionIdsSent()).toEqual(["NEW_SESSION", first.id, "NEW_SESSION"]);
  });

  it("the handle open() resolves with follows the session's state", async () => {
    const { result } = renderSession({ endpointName: "chat", ContentType: "application/json" });
    const handle = await act(() => result.current.open());
    expect(handle).toMatchObject({ state: "open", expiresAt: result.current.session?.expiresAt });
    await act(() => handle.close());
    expect(handle.state).toBe("closed");
    const other = await act(() => result.current.open());
    service.mock.sessions.clear();
    await act(() => settle(other.invoke(ask("hi"))));
    expect(other.state).toBe("expired");
  });

  it("times the first token of a stream from when it is sent, not from its wait in line", async () => {
    const { result } = renderSession({ endpointName: "chat", ContentType: "application/json" });
    const session = await act(() => result.current.open());
    // The stream waits 2.5 s in line behind a slow call; its own answer takes a fraction of
    // that even on a busy machine, so the margin tells "from sending" from "from start()".
    service.mock.faults.delay(2500);
    const started = performance.now();
    await act(() =>
      Promise.all([session.invoke(ask("first, slowly")), session.stream(ask("then this"))]),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(2500);
    expect(result.current.status).toBe("success");
    expect(result.current.timeToFirstTokenMs).toBeLessThan(2500);
    expect(result.current.durationMs).toBeLessThan(2500);
  });

  it("a call before the session is open is refused", async () => {
    const { result } = renderSession({ endpointName: "chat" });
    // @ts-expect-error: no invoke until the session is open (narrow on isOpen).
    expect(() => result.current.invoke(ask("hi"))).toThrow(TypeError);
    expect(service.mock.requests).toHaveLength(0);
  });

  it("an open that fails shows sessionError and rejects", async () => {
    const { result } = renderSession({ endpointName: "nope" });
    const error = await act(() => settle(result.current.open()));
    expect(error).toMatchObject({ name: "ValidationError" });
    expect(result.current.sessionError).toBe(error);
    expect(result.current.isOpen).toBe(false);
  });
});
