// The Worker in workerd (miniflare, with wrangler.toml's compatibility settings), calling the
// emulator on loopback with the demo key as its secrets, read by the AI SDK's own useChat client.
import { Chat } from "@ai-sdk/react";
import { createSageMaker } from "@sagefetch/ai";
import { SageMakerRuntimeClient, Session } from "@sagefetch/core";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { createDemoEndpoints, demoCredentials } from "@sagefetch/msw";
import { answerOf, useChatClient, userMessage } from "@sagefetch/testing/useChatClient";
import { DefaultChatTransport, streamText, type UIMessage, type UIMessageChunk } from "ai";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatedModel, tickerModel } from "./models";
import { bundleWorker, startWorkers, takeWorkerOutput } from "./worker";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const gated = gatedModel();
/** Models that would stream for minutes, one per test that stops them early. */
const tickers = Array.from({ length: 5 }, () => tickerModel());
const ticker = (i: number) => tickers[i] as ReturnType<typeof tickerModel>;
let emulator: Emulator;
let mf: Miniflare;
let bundleImports: string[];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    endpoints: {
      ...createDemoEndpoints({ chatPaceMs: 0 }),
      gated: gated.model,
      ...Object.fromEntries(tickers.map(({ model }, i) => [`ticker-${i}`, model])),
    },
  });
  const { code, imports } = await bundleWorker();
  bundleImports = imports;
  const probe = (await bundleWorker("test/probe.ts")).code;
  const env = {
    AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_REGION: "us-east-1",
    SAGEMAKER_ENDPOINT_URL: emulator.url,
    ALLOWED_ORIGINS: "https://app.example",
  };
  mf = await startWorkers(code, {
    tgi: { ...env, CHAT_ENDPOINT: "tgi" },
    vllm: { ...env, CHAT_ENDPOINT: "vllm", CHAT_CONTAINER: "vllm" },
    sessions: { ...env, CHAT_ENDPOINT: "chat", CHAT_CONTAINER: "tgi" },
    gated: { ...env, CHAT_ENDPOINT: "gated" },
    ticker0: { ...env, CHAT_ENDPOINT: "ticker-0" },
    ticker1: { ...env, CHAT_ENDPOINT: "ticker-1" },
    probe2: { ...env, CHAT_ENDPOINT: "ticker-2", code: probe },
    probe3: { ...env, CHAT_ENDPOINT: "ticker-3", code: probe },
    ticker4: { ...env, CHAT_ENDPOINT: "ticker-4" },
    nope: { ...env, CHAT_ENDPOINT: "nope" },
    lmi: { ...env, CHAT_ENDPOINT: "lmi", CHAT_CONTAINER: "lmi" },
    badkey: { ...env, CHAT_ENDPOINT: "tgi", AWS_SECRET_ACCESS_KEY: `${SECRET}-wrong` },
    unset: { AWS_REGION: "us-east-1", CHAT_ENDPOINT: "tgi" },
    badcontainer: { ...env, CHAT_ENDPOINT: "tgi", CHAT_CONTAINER: "gpt" },
  });
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await emulator?.close();
});

/** A fetch that reaches the Workers (miniflare's Response has Node's types, not the DOM's). */
const workerFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
  mf.dispatchFetch(String(input), init as never)) as unknown as typeof fetch;
const client = (worker: string) => useChatClient(`http://${worker}.test/api/chat`, workerFetch);

const post = (body: unknown, headers: Record<string, string> = {}) =>
  mf.dispatchFetch("http://tgi.test/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** The next chunk of `type`, skipping the others. */
async function next(reader: ReadableStreamDefaultReader<UIMessageChunk>, type: string) {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended before a ${type} chunk`);
    if (value.type === type) return value;
  }
}

describe("the Worker bundle", () => {
  it("imports nothing: no package left out, no node: module", () => {
    expect(bundleImports).toEqual([]);
  });
});

describe("POST /api/chat, read by useChat's DefaultChatTransport", () => {
  it("streams the model's answer as a UI message stream, a text delta per token", async () => {
    const prompt = "What is a Worker?";
    const answer = await client("tgi").ask(prompt);
    // The same provider, in Node, straight to the emulator: the answer useChat must show.
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
    expect(answer.message?.role).toBe("assistant");
    const deltas = answer.chunks.filter((c) => c.type === "text-delta");
    expect(deltas.length).toBeGreaterThan(3); // a chunk per token, not one lump
    expect(answer.chunks.at(0)?.type).toBe("start");
    expect(answer.chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
    const sent = emulator.mock.requests.find((r) => r.endpointName === "tgi");
    expect(sent).toMatchObject({
      operation: "InvokeEndpointWithResponseStream",
      accessKeyId: "AKIDEXAMPLE",
      status: 200,
    });
  });

  it("answers with the content type of the UI message stream", async () => {
    const response = await post({ messages: [userMessage("Hi")] });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    await response.arrayBuffer();
  });

  it("sends tokens in order as the model makes them, before it has finished", async () => {
    const reader = (await client("gated").send([userMessage("Hi")])).getReader();
    expect(await next(reader, "text-delta")).toMatchObject({ delta: "Streams" });
    expect(await next(reader, "text-delta")).toMatchObject({ delta: " arrive" });
    // The model is held between its second and third token: these two came while it generated.
    expect(gated.finished()).toBe(false);
    gated.release();
    const rest: UIMessageChunk[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.push(value);
    }
    expect(rest.filter((c) => c.type === "text-delta")).toMatchObject([{ delta: " in order." }]);
    expect(rest.at(-1)?.type).toBe("finish");
    expect(gated.finished()).toBe(true);
  });

  it("gives the model the whole conversation, and the next turn", async () => {
    const chat = client("vllm");
    const first = userMessage("Hello");
    const reply = await chat.ask([first]);
    expect(reply.text).toBe('Turn 1: you said "Hello".');
    if (!reply.message) throw new Error("no assistant message");
    const second = await chat.ask([first, reply.message, userMessage("And again")]);
    expect(second.text).toBe('Turn 2: you said "And again".');
  });

  it("runs the demo tool: the tool part with its input and output, then the answer after it", async () => {
    const calls = () => emulator.mock.requests.filter((r) => r.endpointName === "vllm").length;
    const before = calls();
    const answer = await client("vllm").ask("What is the weather in Paris?");
    expect(answer.errors).toEqual([]);
    const types = answer.chunks.map((c) => c.type);
    expect(types).toContain("tool-input-delta"); // the arguments streamed in pieces
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
    expect(answer.chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
    // Two model calls: the tool call, and the answer with its result.
    expect(calls() - before).toBe(2);
  });

  it("continues a stateful session given its sessionId (useChat's `body`)", async () => {
    const sdk = new SageMakerRuntimeClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: demoCredentials,
    });
    const session = await Session.open(sdk, { EndpointName: "chat" });
    const chat = client("sessions");
    const body = { sessionId: session.id };
    const first = await chat.ask("My name is Ada.", { body });
    expect(first.text).toMatch(/^Turn 1: you said /);
    const second = await chat.ask("Who am I?", { body });
    expect(second.text).toMatch(
      /^Turn 2: you said .*Who am I\?.*Before that you said .*My name is Ada\./s,
    );
    await session.close();
  });

  it("an unknown endpoint: an `error` chunk with the typed error's name and message", async () => {
    const answer = await client("nope").ask("Hi");
    expect(answer.errors).toEqual([
      "ValidationError: Endpoint nope of account 123456789012 not found.",
    ]);
  });

  it("the container failing mid-stream: the text so far, then its typed error", async () => {
    const answer = await client("lmi").ask("Tell me a story [error]");
    expect(answer.text).toBe("Turn");
    expect(answer.errors).toEqual(["ChatStreamError: Demo failure: the model crashed mid-stream"]);
  });

  it("refused credentials: the error's name and a fixed message, never a secret", async () => {
    const response = await mf.dispatchFetch("http://badkey.test/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: [userMessage("Hi")] }),
    });
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    const answer = await client("badkey").ask("Hi");
    // The Worker's log says why, the service's explanation included, and never the secret.
    let logged = "";
    await expect
      .poll(() => (logged += takeWorkerOutput()))
      .toContain("/api/chat: AWS refused the Worker's credentials: InvalidSignatureException");
    expect(logged).not.toContain(SECRET);
    expect(answer.errors).toEqual([
      "InvalidSignatureException: AWS refused the Worker's credentials; see the Worker's logs.",
    ]);
    expect(JSON.stringify(answer.chunks)).not.toContain(SECRET);
  });

  it.each([
    ["unset", /^ConfigurationError: .*AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets/],
    ["badcontainer", /^ConfigurationError: CHAT_CONTAINER is not one of tgi, /],
  ])(
    "missing or wrong configuration (%s): a ConfigurationError chunk, nothing sent",
    async (worker, message) => {
      const before = emulator.mock.requests.length;
      const answer = await client(worker).ask("Hi");
      expect(answer.errors).toEqual([expect.stringMatching(message)]);
      expect(emulator.mock.requests.length).toBe(before);
    },
  );

  it.each([
    [{}, /^messages is not a non-empty array/],
    [{ messages: [] }, /^messages is not a non-empty array/],
    [{ messages: [{ role: "user", content: "Hi" }] }, /^messages\[0\]\.parts is not an array/],
    [{ messages: [{ role: "robot", parts: [] }] }, /^messages\[0\]\.role is not system, user/],
    [{ messages: [{ role: "user", parts: [{ text: "Hi" }] }] }, /^messages\[0\]\.parts\[0\]\.type/],
    [{ messages: [userMessage("Hi")], sessionId: 42 }, /^sessionId is not a string/],
    [{ messages: [{ role: "user", parts: [{ type: "file" }] }] }, /^messages cannot be given/],
  ])("a bad body %j: 400 naming the field, nothing sent", async (body, message) => {
    const before = emulator.mock.requests.length;
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { name: "BadRequest", message: expect.stringMatching(message) },
    });
    expect(emulator.mock.requests.length).toBe(before);
  });

  it("a body that is not JSON, or too big: 400", async () => {
    const notJson = await mf.dispatchFetch("http://tgi.test/api/chat", {
      method: "POST",
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(
      /^The body is not JSON/,
    );
    const big = await post({ messages: [userMessage("x".repeat(100_001))] });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(
      /^The body is over 100000 characters/,
    );
  });

  it("useChat sees a bad request as an error with the 400's body", async () => {
    const transport = useChatClient("http://tgi.test/api/chat", workerFetch);
    const sent = transport.send([{ id: "x", role: "user", parts: "Hi" } as never]);
    await expect(sent).rejects.toThrow(/messages\[0\]\.parts is not an array/);
  });

  it("refuses other methods (405) and other paths (404)", async () => {
    const get = await mf.dispatchFetch("http://tgi.test/api/chat");
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST, OPTIONS"]);
    await get.arrayBuffer();
    const other = await mf.dispatchFetch("http://tgi.test/api/other");
    expect(other.status).toBe(404);
    await other.arrayBuffer();
  });
});

describe("the browser going away", () => {
  // workerd cancels a Worker's subrequests itself when its client disconnects: these two show
  // the whole path works; the two after them show the handler's own part.
  it("cancelling the UI message stream stops the model's stream", async () => {
    const reader = (await client("ticker0").send([userMessage("Go")])).getReader();
    expect(await next(reader, "text-delta")).toMatchObject({ delta: "tick " });
    await reader.cancel(); // cancels the response body
    expect(await ticker(0).stopped).toBeLessThan(ticker(0).ticks);
    const request = emulator.mock.requests.find((r) => r.endpointName === "ticker-0");
    expect(request?.streamedParts).toBeLessThan(ticker(0).ticks);
  });

  it("useChat's stop (the abort signal) stops the model's stream", async () => {
    const abort = new AbortController();
    const stream = await client("ticker1").send([userMessage("Go")], { abortSignal: abort.signal });
    const reader = stream.getReader();
    expect(await next(reader, "text-delta")).toMatchObject({ delta: "tick " });
    abort.abort();
    await reader.cancel().catch(() => {});
    expect(await ticker(1).stopped).toBeLessThan(ticker(1).ticks);
  });

  it.each([
    ["cancelling the response body", "body", 2],
    ["request.signal", "signal", 3],
  ])(
    "the handler cancels its SageMaker call on %s, while the Worker lives on",
    async (_, how, i) => {
      const response = await mf.dispatchFetch(`http://probe${i}.test/?drop=${how}`);
      // The probe read /api/chat up to its first token, dropped it, and holds its own answer open.
      const reader = (response.body as unknown as ReadableStream<Uint8Array>).getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toContain('"type":"text-delta"');
      expect(first).toContain('"delta":"tick "');
      expect(await ticker(i).stopped).toBeLessThan(ticker(i).ticks);
      await reader.cancel();
    },
  );
});

describe("CORS on /api/chat", () => {
  it("answers preflights from ALLOWED_ORIGINS, and marks their answers", async () => {
    const preflight = await mf.dispatchFetch("http://tgi.test/api/chat", {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    const response = await post(
      { messages: [userMessage("Hi")] },
      { origin: "https://app.example" },
    );
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const chunks: UIMessageChunk[] = [];
    const text = await response.text();
    for (const line of text.split("\n")) {
      if (line.startsWith("data: {")) chunks.push(JSON.parse(line.slice(6)));
    }
    expect((await answerOf(chunks)).text).toMatch(/^Turn 1: you said /);
  });

  it("refuses pages of other origins, before calling anything", async () => {
    const before = emulator.mock.requests.length;
    const response = await post(
      { messages: [userMessage("Hi")] },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    await response.arrayBuffer();
    expect(emulator.mock.requests.length).toBe(before);
  });
});

describe("useChat's own Chat (@ai-sdk/react, its ai version), as a page holds it", () => {
  const chatWith = (worker: string) =>
    new Chat({
      transport: new DefaultChatTransport({
        api: `http://${worker}.test/api/chat`,
        fetch: workerFetch,
      }),
    });
  const textOf = (chat: Chat<UIMessage>, i: number) =>
    (chat.messages[i]?.parts ?? []).map((p) => (p.type === "text" ? p.text : "")).join("");

  it("sends, runs the tool, sends again and regenerates", async () => {
    const chat = chatWith("vllm");
    await chat.sendMessage({ text: "What is the weather in Paris?" });
    expect([chat.status, chat.error]).toEqual(["ready", undefined]);
    expect(chat.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
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
    const chat = chatWith("nope");
    await chat.sendMessage({ text: "Hi" });
    expect(chat.status).toBe("error");
    expect(chat.error?.message).toBe(
      "ValidationError: Endpoint nope of account 123456789012 not found.",
    );
  });

  it("stop() ends the answer and the model's stream", async () => {
    const chat = chatWith("ticker4");
    const sent = chat.sendMessage({ text: "Go" });
    await expect.poll(() => textOf(chat, 1), { timeout: 10_000 }).toContain("tick");
    await chat.stop();
    await sent;
    expect(chat.status).toBe("ready");
    expect(await ticker(4).stopped).toBeLessThan(ticker(4).ticks);
  });
});
