// api/chat.ts in @edge-runtime/vm (the Edge runtime's web APIs, no Node global), calling the
// emulator on loopback with the demo key as its environment variables, read by the AI SDK's own
// useChat client.
import { Chat } from "@ai-sdk/react";
import { createSageMaker } from "@sagefetch/ai";
import { SageMakerRuntimeClient, Session } from "@sagefetch/core";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { createDemoEndpoints, demoCredentials } from "@sagefetch/msw";
import { useChatClient, userMessage } from "@sagefetch/testing/useChatClient";
import { DefaultChatTransport, streamText, type UIMessage, type UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bundleFunction, type EdgeFunction, startFunction } from "./edge";
import { gatedModel, tickerModel } from "./models";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const gated = gatedModel();
/** Models that would stream for minutes, one per test that stops them early. */
const tickers = Array.from({ length: 4 }, () => tickerModel());
const ticker = (i: number) => tickers[i] as ReturnType<typeof tickerModel>;
let emulator: Emulator;
let code: string;
let imports: string[];
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    endpoints: {
      ...createDemoEndpoints({ chatPaceMs: 0 }),
      gated: gated.model,
      ...Object.fromEntries(tickers.map(({ model }, i) => [`ticker-${i}`, model])),
    },
  });
  ({ code, imports } = await bundleFunction("api/chat.ts"));
  env = {
    AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_REGION: "eu-west-3", // as Vercel presets it: the function's region, not the endpoint's
    SAGEMAKER_REGION: "us-east-1",
    SAGEMAKER_ENDPOINT_URL: emulator.url,
    ALLOWED_ORIGINS: "https://app.example",
    CHAT_ENDPOINT: "tgi",
  };
}, 60_000);

afterAll(async () => {
  await emulator?.close();
});

/** The function with `env` plus `overrides`, in an EdgeVM of its own. */
const edge = (overrides: Record<string, string> = {}) =>
  startFunction(code, { ...env, ...overrides });

/**
 * A fetch that calls the function as Vercel would: the VM's own Request, and an abort signal
 * of the VM that follows the caller's.
 */
function edgeFetch(fn: EdgeFunction): typeof fetch {
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const abort = new fn.AbortController();
    init.signal?.addEventListener("abort", () => abort.abort(), { once: true });
    return fn.handler(new fn.Request(String(input), { ...init, signal: abort.signal }));
  }) as typeof fetch;
}

const URL_ = "https://example.vercel.app/api/chat";
const client = (fn: EdgeFunction) => useChatClient(URL_, edgeFetch(fn));

function post(fn: EdgeFunction, body: unknown, headers: Record<string, string> = {}) {
  return fn.handler(
    new fn.Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** The next chunk of `type`, skipping the others. */
async function next(reader: ReadableStreamDefaultReader<UIMessageChunk>, type: string) {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended before a ${type} chunk`);
    if (value.type === type) return value;
  }
}

describe("api/chat.ts in the Edge runtime, read by useChat's DefaultChatTransport", () => {
  it("is an Edge Function: bundled with no import left, run where no Node global exists", () => {
    expect(imports).toEqual([]);
    const fn = edge();
    expect(fn.config).toEqual({ runtime: "edge" });
    expect(fn.vm.evaluate("[typeof EdgeRuntime, typeof Buffer, typeof require]")).toEqual([
      "string",
      "undefined",
      "undefined",
    ]);
  });

  it("streams the model's answer as a UI message stream, a text delta per token", async () => {
    const prompt = "What is an Edge Function?";
    const answer = await client(edge()).ask(prompt);
    const sagemaker = createSageMaker({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: demoCredentials,
    });
    const direct = streamText({
      model: sagemaker("tgi", { container: "tgi" }),
      messages: [{ role: "user", content: prompt }],
    });
    const expected = await direct.text;
    expect(expected).toContain(prompt);
    expect(answer.errors).toEqual([]);
    expect(answer.text).toBe(expected);
    expect(answer.chunks.filter((c) => c.type === "text-delta").length).toBeGreaterThan(3);
    expect(answer.chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
    const sent = emulator.mock.requests.find((r) => r.endpointName === "tgi");
    expect(sent).toMatchObject({ accessKeyId: "AKIDEXAMPLE", status: 200 });
    // Signed for SAGEMAKER_REGION, not the AWS_REGION Vercel presets.
    expect(sent?.headers.authorization).toMatch(/\/us-east-1\/sagemaker\/aws4_request/);
  });

  it("sends tokens in order as the model makes them, before it has finished", async () => {
    const fn = edge({ CHAT_ENDPOINT: "gated" });
    const reader = (await client(fn).send([userMessage("Hi")])).getReader();
    expect(await next(reader, "text-delta")).toMatchObject({ delta: "Streams" });
    expect(await next(reader, "text-delta")).toMatchObject({ delta: " arrive" });
    expect(gated.finished()).toBe(false); // held between its second and third token
    gated.release();
    const rest: UIMessageChunk[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.push(value);
    }
    expect(rest.filter((c) => c.type === "text-delta")).toMatchObject([{ delta: " in order." }]);
    expect(rest.at(-1)?.type).toBe("finish");
  });

  it("runs the demo tool: the tool part with its input and output, then the answer after it", async () => {
    const calls = () => emulator.mock.requests.filter((r) => r.endpointName === "vllm").length;
    const before = calls();
    const fn = edge({ CHAT_ENDPOINT: "vllm", CHAT_CONTAINER: "vllm" });
    const answer = await client(fn).ask("What is the weather in Paris?");
    expect(answer.errors).toEqual([]);
    expect(answer.chunks.map((c) => c.type)).toContain("tool-input-delta");
    expect(answer.message?.parts.filter((p) => p.type !== "step-start")).toEqual([
      expect.objectContaining({
        type: "tool-get_weather",
        toolCallId: "call_paris_1",
        state: "output-available",
        input: { city: "Paris" },
        output: "18°C and sunny in Paris",
      }),
      expect.objectContaining({
        type: "text",
        text: expect.stringMatching(/^The weather tool says: .*18°C and sunny in Paris/),
      }),
    ]);
    expect(calls() - before).toBe(2);
    // The next turn carries the tool part back: the model sees the whole round trip.
    if (!answer.message) throw new Error("no assistant message");
    const after = await client(fn).ask([
      userMessage("What is the weather in Paris?"),
      answer.message,
      userMessage("Thanks"),
    ]);
    expect(after.text).toBe('Turn 2: you said "Thanks".');
  });

  it("continues a stateful session given its sessionId (useChat's `body`)", async () => {
    const sdk = new SageMakerRuntimeClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: demoCredentials,
    });
    const session = await Session.open(sdk, { EndpointName: "chat" });
    const chat = client(edge({ CHAT_ENDPOINT: "chat" }));
    const body = { sessionId: session.id };
    expect((await chat.ask("My name is Ada.", { body })).text).toMatch(/^Turn 1: you said /);
    expect((await chat.ask("Who am I?", { body })).text).toMatch(
      /^Turn 2: you said .*Who am I\?.*Before that you said .*My name is Ada\./s,
    );
    await session.close();
  });

  it("an unknown endpoint: an `error` chunk with the typed error's name and message", async () => {
    const answer = await client(edge({ CHAT_ENDPOINT: "nope" })).ask("Hi");
    expect(answer.errors).toEqual([
      "ValidationError: Endpoint nope of account 123456789012 not found.",
    ]);
  });

  it("the container failing mid-stream: the text so far, then its typed error", async () => {
    const fn = edge({ CHAT_ENDPOINT: "lmi", CHAT_CONTAINER: "lmi" });
    const answer = await client(fn).ask("Tell me a story [error]");
    expect(answer.text).toBe("Turn");
    expect(answer.errors).toEqual(["ChatStreamError: Demo failure: the model crashed mid-stream"]);
  });

  it("refused credentials: the error's name and a fixed message, never a secret", async () => {
    const fn = edge({ AWS_SECRET_ACCESS_KEY: `${SECRET}-wrong` });
    // The function logs why (the service's explanation included): kept from the console here.
    const logged = vi.spyOn(fn.vm.context.console as Console, "error").mockImplementation(() => {});
    const text = await (await post(fn, { messages: [userMessage("Hi")] })).text();
    expect(text).not.toContain(SECRET);
    const answer = await client(fn).ask("Hi");
    const log = logged.mock.calls.flat().map(String).join("\n");
    logged.mockRestore();
    expect(log).toContain(
      "/api/chat: AWS refused the function's credentials: InvalidSignatureException",
    );
    expect(log).not.toContain(SECRET);
    expect(answer.errors).toEqual([
      "InvalidSignatureException: AWS refused the function's credentials; see the function's logs.",
    ]);
  });

  it("missing configuration: a ConfigurationError chunk, nothing sent", async () => {
    const before = emulator.mock.requests.length;
    const fn = startFunction(code, { CHAT_ENDPOINT: "tgi", SAGEMAKER_REGION: "us-east-1" });
    const answer = await client(fn).ask("Hi");
    expect(answer.errors).toEqual([
      expect.stringMatching(/^ConfigurationError: .*AWS_ACCESS_KEY_ID/),
    ]);
    const wrong = await client(edge({ CHAT_CONTAINER: "gpt" })).ask("Hi");
    expect(wrong.errors).toEqual([
      expect.stringMatching(/^ConfigurationError: CHAT_CONTAINER is not one of tgi, /),
    ]);
    expect(emulator.mock.requests.length).toBe(before);
  });

  it("a bad body: 400 naming the field, nothing sent; other methods: 405", async () => {
    const before = emulator.mock.requests.length;
    const fn = edge();
    const response = await post(fn, { messages: [{ role: "user", parts: [{ text: "Hi" }] }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { name: "BadRequest", message: "messages[0].parts[0].type is not a string." },
    });
    await expect(client(fn).send([])).rejects.toThrow(/messages is not a non-empty array/);
    const get = await fn.handler(new fn.Request(URL_));
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST, OPTIONS"]);
    expect(emulator.mock.requests.length).toBe(before);
  });

  it("CORS: preflights and answers for ALLOWED_ORIGINS; other origins refused", async () => {
    const fn = edge();
    const preflight = await fn.handler(
      new fn.Request(URL_, {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "POST" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const allowed = await post(
      fn,
      { messages: [userMessage("Hi")] },
      { origin: "https://app.example" },
    );
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(await allowed.text()).toContain('"type":"finish"');
    const refused = await post(
      fn,
      { messages: [userMessage("Hi")] },
      { origin: "https://evil.example" },
    );
    expect(refused.status).toBe(403);
  });
});

describe("the browser going away", () => {
  it("cancelling the UI message stream cancels the call to SageMaker", async () => {
    const fn = edge({ CHAT_ENDPOINT: "ticker-0" });
    const reader = (await client(fn).send([userMessage("Go")])).getReader();
    expect(await next(reader, "text-delta")).toMatchObject({ delta: "tick " });
    await reader.cancel(); // cancels the response body
    expect(await ticker(0).stopped).toBeLessThan(ticker(0).ticks);
    const request = emulator.mock.requests.find((r) => r.endpointName === "ticker-0");
    expect(request?.streamedParts).toBeLessThan(ticker(0).ticks);
  });

  it("request.signal firing cancels the call to SageMaker, the body left alone", async () => {
    const fn = edge({ CHAT_ENDPOINT: "ticker-1" });
    const abort = new fn.AbortController();
    const response = await fn.handler(
      new fn.Request(URL_, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: [userMessage("Go")] }),
        signal: abort.signal,
      }),
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let read = "";
    while (!read.includes('"type":"text-delta"')) {
      read += decoder.decode((await reader.read()).value, { stream: true });
    }
    abort.abort(); // only the signal says the client has gone
    expect(await ticker(1).stopped).toBeLessThan(ticker(1).ticks);
  });

  it("useChat's stop (the abort signal) cancels the call to SageMaker", async () => {
    const fn = edge({ CHAT_ENDPOINT: "ticker-2" });
    const abort = new AbortController();
    const stream = await client(fn).send([userMessage("Go")], { abortSignal: abort.signal });
    const reader = stream.getReader();
    expect(await next(reader, "text-delta")).toMatchObject({ delta: "tick " });
    abort.abort();
    await reader.cancel().catch(() => {});
    expect(await ticker(2).stopped).toBeLessThan(ticker(2).ticks);
  });
});

describe("useChat's own Chat (@ai-sdk/react, its ai version), as a page holds it", () => {
  const chatWith = (overrides: Record<string, string>) =>
    new Chat({
      transport: new DefaultChatTransport({ api: URL_, fetch: edgeFetch(edge(overrides)) }),
    });
  const textOf = (chat: Chat<UIMessage>, i: number) =>
    (chat.messages[i]?.parts ?? []).map((p) => (p.type === "text" ? p.text : "")).join("");

  it("sends, runs the tool, sends again and regenerates", async () => {
    const chat = chatWith({ CHAT_ENDPOINT: "vllm", CHAT_CONTAINER: "vllm" });
    await chat.sendMessage({ text: "What is the weather in Paris?" });
    expect([chat.status, chat.error]).toEqual(["ready", undefined]);
    expect(chat.messages[1]?.parts).toContainEqual(
      expect.objectContaining({ type: "tool-get_weather", state: "output-available" }),
    );
    expect(textOf(chat, 1)).toMatch(/^The weather tool says: /);
    await chat.sendMessage({ text: "Thanks" });
    expect(textOf(chat, 3)).toBe('Turn 2: you said "Thanks".');
    await chat.regenerate();
    expect(chat.messages.length).toBe(4);
    expect(textOf(chat, 3)).toBe('Turn 2: you said "Thanks".');
  });

  it("shows a failure as its error: the typed error's name and message", async () => {
    const chat = chatWith({ CHAT_ENDPOINT: "nope" });
    await chat.sendMessage({ text: "Hi" });
    expect(chat.status).toBe("error");
    expect(chat.error?.message).toBe(
      "ValidationError: Endpoint nope of account 123456789012 not found.",
    );
  });

  it("stop() ends the answer and the model's stream", async () => {
    const chat = chatWith({ CHAT_ENDPOINT: "ticker-3" });
    const sent = chat.sendMessage({ text: "Go" });
    await expect.poll(() => textOf(chat, 1), { timeout: 10_000 }).toContain("tick");
    await chat.stop();
    await sent;
    expect(chat.status).toBe("ready");
    expect(await ticker(3).stopped).toBeLessThan(ticker(3).ticks);
  });
});
