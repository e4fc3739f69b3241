// The Worker in workerd (miniflare, with wrangler.toml's compatibility settings), calling the
// emulator on loopback with the demo key as its secrets.
import { InvokeEndpointCommand, SageMakerRuntimeClient, Session } from "@sagefetch/core";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { demoCredentials, demoEndpoints } from "@sagefetch/msw";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatedModel, readEvents, type SseEvent, tickerModel } from "./models";
import { bundleWorker, startWorkers, takeWorkerOutput } from "./worker";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const gated = gatedModel();
/** Four models that would stream for minutes, one per test that stops them early. */
const tickers = Array.from({ length: 4 }, () => tickerModel());
const ticker = (i: number) => tickers[i] as ReturnType<typeof tickerModel>;
let emulator: Emulator;
let mf: Miniflare;
let bundleImports: string[];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    endpoints: {
      ...demoEndpoints,
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
    chat: { ...env, CHAT_ENDPOINT: "chat" },
    gated: { ...env, CHAT_ENDPOINT: "gated" },
    ticker0: { ...env, CHAT_ENDPOINT: "ticker-0" },
    ticker1: { ...env, CHAT_ENDPOINT: "ticker-1" },
    probe2: { ...env, CHAT_ENDPOINT: "ticker-2", code: probe },
    probe3: { ...env, CHAT_ENDPOINT: "ticker-3", code: probe },
    nope: { ...env, CHAT_ENDPOINT: "nope" },
    badkey: { ...env, CHAT_ENDPOINT: "chat", AWS_SECRET_ACCESS_KEY: `${SECRET}-wrong` },
    unset: { AWS_REGION: "us-east-1", CHAT_ENDPOINT: "chat" },
  });
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await emulator?.close();
});

const chat = (worker: string, body: unknown, init: { signal?: AbortSignal } = {}) =>
  mf.dispatchFetch(`http://${worker}.test/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    ...init,
  });

async function allEvents(response: { body: unknown }) {
  const events: SseEvent[] = [];
  for await (const event of readEvents(response.body)) {
    events.push(event);
  }
  return events;
}

const tokensOf = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === "message")
    .map((e) => (e.data as { token: string }).token)
    .join("");

describe("the Worker bundle", () => {
  it("imports nothing: no package left out, no node: module", () => {
    expect(bundleImports).toEqual([]);
  });
});

describe("POST /api/chat", () => {
  it("re-streams the model's tokens as server-sent events, then `done`", async () => {
    const prompt = "What is a Worker?";
    const response = await chat("chat", { prompt });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const events = await allEvents(response);
    // The same model's whole answer, asked for directly.
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: demoCredentials,
    });
    const whole = await client.send(
      new InvokeEndpointCommand({ EndpointName: "chat", Body: JSON.stringify({ inputs: prompt }) }),
    );
    const answer = JSON.parse(whole.Body.transformToString())[0].generated_text as string;
    expect(answer).toContain(prompt);
    expect(tokensOf(events)).toBe(answer);
    expect(events.length).toBeGreaterThan(3); // a token per event, not one lump
    expect(events.at(-1)).toEqual({ event: "done", data: { tokens: events.length - 1 } });
    const sent = emulator.mock.requests.find((r) => r.endpointName === "chat" && r.streamedParts);
    expect(sent).toMatchObject({
      operation: "InvokeEndpointWithResponseStream",
      accessKeyId: "AKIDEXAMPLE",
      status: 200,
    });
    expect(JSON.parse(new TextDecoder().decode(sent?.body))).toEqual({
      inputs: prompt,
      parameters: { max_new_tokens: 512 },
      stream: true,
    });
  });

  it("sends tokens in order as the model makes them, before it has finished", async () => {
    const events = readEvents((await chat("gated", { prompt: "Hi" })).body);
    const first = await events.next();
    const second = await events.next();
    expect([first.value, second.value]).toEqual([
      { event: "message", data: { token: "Streams" } },
      { event: "message", data: { token: " arrive" } },
    ]);
    // The model is held between its second and third token: these two came while it generated.
    expect(gated.finished()).toBe(false);
    gated.release();
    const rest: SseEvent[] = [];
    for await (const event of events) rest.push(event);
    expect(rest).toEqual([
      { event: "message", data: { token: " in order." } },
      { event: "done", data: { tokens: 3 } },
    ]);
    expect(gated.finished()).toBe(true);
  });

  it("turns a conversation into a prompt", async () => {
    const events = await allEvents(
      await chat("chat", {
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "Hello" },
        ],
      }),
    );
    expect(tokensOf(events)).toBe('Turn 1: you said "system: Be brief.\nuser: Hello\nassistant:".');
  });

  it("continues a stateful session given its sessionId", async () => {
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: demoCredentials,
    });
    const session = await Session.open(client, { EndpointName: "chat" });
    const turn = async (prompt: string) =>
      tokensOf(await allEvents(await chat("chat", { prompt, sessionId: session.id })));
    expect(await turn("My name is Ada.")).toBe('Turn 1: you said "My name is Ada.".');
    expect(await turn("Who am I?")).toBe(
      'Turn 2: you said "Who am I?". Before that you said "My name is Ada.".',
    );
    await session.close();
  });

  it("an unknown endpoint: an `error` event with the typed error's name and message", async () => {
    const events = await allEvents(await chat("nope", { prompt: "Hi" }));
    expect(events).toEqual([
      {
        event: "error",
        data: {
          name: "ValidationError",
          message: "Endpoint nope of account 123456789012 not found.",
        },
      },
    ]);
  });

  it("refused credentials: the error's name and a fixed message, never a secret", async () => {
    const response = await chat("badkey", { prompt: "Hi" });
    const text = await response.text();
    expect(text).toBe(
      `event: error\ndata: ${JSON.stringify({
        name: "InvalidSignatureException",
        message: "AWS refused the Worker's credentials; see the Worker's logs.",
      })}\n\n`,
    );
    expect(text).not.toContain(SECRET);
    // The Worker's log says why, the service's explanation included, and never the secret.
    let logged = "";
    await expect
      .poll(() => (logged += takeWorkerOutput()))
      .toContain("/api/chat: AWS refused the Worker's credentials: InvalidSignatureException");
    expect(logged).not.toContain(SECRET);
  });

  it("missing configuration: a ConfigurationError event, nothing sent", async () => {
    const before = emulator.mock.requests.length;
    const events = await allEvents(await chat("unset", { prompt: "Hi" }));
    expect(events).toEqual([
      {
        event: "error",
        data: {
          name: "ConfigurationError",
          message: expect.stringMatching(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets/),
        },
      },
    ]);
    expect(emulator.mock.requests.length).toBe(before);
  });

  it.each([
    [{}, /Send \{"prompt"/],
    [{ prompt: "   " }, /Send \{"prompt"/],
    [{ messages: [{ role: "user" }] }, /Send \{"prompt"/],
    [{ prompt: "Hi", sessionId: 42 }, /sessionId is not a string/],
  ])("a bad body %j: 400 with a JSON error, nothing sent", async (body, message) => {
    const before = emulator.mock.requests.length;
    const response = await chat("chat", body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { name: "BadRequest", message: expect.stringMatching(message) },
    });
    expect(emulator.mock.requests.length).toBe(before);
  });

  it("refuses other methods (405) and other paths (404)", async () => {
    const get = await mf.dispatchFetch("http://chat.test/api/chat");
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST, OPTIONS"]);
    await get.arrayBuffer();
    const other = await mf.dispatchFetch("http://chat.test/api/other");
    expect(other.status).toBe(404);
    await other.arrayBuffer();
  });
});

describe("the browser going away", () => {
  // workerd cancels a Worker's subrequests itself when its client disconnects: these two show
  // the whole path works; the two after them show the handler's own part.
  it("cancelling the response body stops the model's stream", async () => {
    const events = readEvents((await chat("ticker0", { prompt: "Go" })).body);
    expect((await events.next()).value).toEqual({ event: "message", data: { token: "tick " } });
    await events.return(undefined); // cancels the body
    expect(await ticker(0).stopped).toBeLessThan(ticker(0).ticks);
    const request = emulator.mock.requests.find((r) => r.endpointName === "ticker-0");
    expect(request?.streamedParts).toBeLessThan(ticker(0).ticks);
  });

  it("aborting the request stops the model's stream", async () => {
    const abort = new AbortController();
    const response = await chat("ticker1", { prompt: "Go" }, { signal: abort.signal });
    const events = readEvents(response.body);
    expect((await events.next()).value).toEqual({ event: "message", data: { token: "tick " } });
    abort.abort();
    await events.return(undefined).catch(() => {});
    expect(await ticker(1).stopped).toBeLessThan(ticker(1).ticks);
  });

  it.each([
    ["cancelling the SSE body", "body", 2],
    ["request.signal", "signal", 3],
  ])(
    "the handler cancels its SageMaker call on %s, while the Worker lives on",
    async (_, how, i) => {
      const response = await mf.dispatchFetch(`http://probe${i}.test/?drop=${how}`);
      // The probe read one event from /api/chat, dropped it, and holds its own answer open.
      const events = readEvents(response.body);
      expect((await events.next()).value).toEqual({ event: "message", data: { token: "tick " } });
      expect(await ticker(i).stopped).toBeLessThan(ticker(i).ticks);
      await events.return(undefined);
    },
  );
});

describe("CORS on /api/chat", () => {
  it("answers preflights from ALLOWED_ORIGINS, and marks their answers", async () => {
    const preflight = await mf.dispatchFetch("http://chat.test/api/chat", {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    const response = await mf.dispatchFetch("http://chat.test/api/chat", {
      method: "POST",
      headers: { origin: "https://app.example", "content-type": "application/json" },
      body: JSON.stringify({ prompt: "Hi" }),
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect((await allEvents(response)).at(-1)?.event).toBe("done");
  });

  it("refuses pages of other origins, before calling anything", async () => {
    const before = emulator.mock.requests.length;
    const response = await mf.dispatchFetch("http://chat.test/api/chat", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ prompt: "Hi" }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    await response.arrayBuffer();
    expect(emulator.mock.requests.length).toBe(before);
  });
});
