// api/chat.ts in @edge-runtime/vm (the Edge runtime's web APIs, no Node global), calling the
// emulator on loopback with the demo key as its environment variables.
import { InvokeEndpointCommand, SageMakerRuntimeClient, Session } from "@sagefetch/core";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { demoCredentials, demoEndpoints } from "@sagefetch/msw";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bundleFunction, type EdgeFunction, startFunction } from "./edge";
import { gatedModel, readEvents, type SseEvent, tickerModel } from "./models";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const gated = gatedModel();
/** Models that would stream for minutes, one per test that stops them early. */
const tickers = Array.from({ length: 2 }, () => tickerModel());
const ticker = (i: number) => tickers[i] as ReturnType<typeof tickerModel>;
let emulator: Emulator;
let code: string;
let imports: string[];
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    endpoints: {
      ...demoEndpoints,
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
    CHAT_ENDPOINT: "chat",
  };
}, 60_000);

afterAll(async () => {
  await emulator?.close();
});

/** The function with `env` plus `overrides`, in an EdgeVM of its own. */
const edge = (overrides: Record<string, string> = {}) =>
  startFunction(code, { ...env, ...overrides });

function post(
  fn: EdgeFunction,
  body: unknown,
  init: { signal?: AbortSignal; origin?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.origin) headers.origin = init.origin;
  return fn.handler(
    new fn.Request("https://example.vercel.app/api/chat", {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: init.signal,
    }),
  );
}

async function allEvents(response: Response) {
  const events: SseEvent[] = [];
  for await (const event of readEvents(response.body)) events.push(event);
  return events;
}

const tokensOf = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === "message")
    .map((e) => (e.data as { token: string }).token)
    .join("");

describe("api/chat.ts in the Edge runtime", () => {
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

  it("re-streams the model's tokens as server-sent events, then `done`", async () => {
    const prompt = "What is an Edge Function?";
    const response = await post(edge(), { prompt });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const events = await allEvents(response);
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
    expect(events.length).toBeGreaterThan(3);
    expect(events.at(-1)).toEqual({ event: "done", data: { tokens: events.length - 1 } });
    const sent = emulator.mock.requests.find((r) => r.endpointName === "chat" && r.streamedParts);
    expect(sent).toMatchObject({ accessKeyId: "AKIDEXAMPLE", status: 200 });
    // Signed for SAGEMAKER_REGION, not the AWS_REGION Vercel presets.
    expect(sent?.headers.authorization).toMatch(/\/us-east-1\/sagemaker\/aws4_request/);
  });

  it("sends tokens in order as the model makes them, before it has finished", async () => {
    const events = readEvents(
      (await post(edge({ CHAT_ENDPOINT: "gated" }), { prompt: "Hi" })).body,
    );
    const first = await events.next();
    const second = await events.next();
    expect([first.value, second.value]).toEqual([
      { event: "message", data: { token: "Streams" } },
      { event: "message", data: { token: " arrive" } },
    ]);
    expect(gated.finished()).toBe(false); // held between its second and third token
    gated.release();
    const rest: SseEvent[] = [];
    for await (const event of events) rest.push(event);
    expect(rest).toEqual([
      { event: "message", data: { token: " in order." } },
      { event: "done", data: { tokens: 3 } },
    ]);
  });

  it("continues a stateful session given its sessionId", async () => {
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: demoCredentials,
    });
    const session = await Session.open(client, { EndpointName: "chat" });
    const fn = edge();
    const turn = async (prompt: string) =>
      tokensOf(await allEvents(await post(fn, { prompt, sessionId: session.id })));
    expect(await turn("My name is Ada.")).toBe('Turn 1: you said "My name is Ada.".');
    expect(await turn("Who am I?")).toBe(
      'Turn 2: you said "Who am I?". Before that you said "My name is Ada.".',
    );
    await session.close();
  });

  it("an unknown endpoint: an `error` event with the typed error's name and message", async () => {
    const events = await allEvents(await post(edge({ CHAT_ENDPOINT: "nope" }), { prompt: "Hi" }));
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
    const fn = edge({ AWS_SECRET_ACCESS_KEY: `${SECRET}-wrong` });
    // The function logs why (the service's explanation included): kept from the console here.
    const logged = vi.spyOn(fn.vm.context.console as Console, "error").mockImplementation(() => {});
    const text = await (await post(fn, { prompt: "Hi" })).text();
    const log = logged.mock.calls.flat().map(String).join("\n");
    logged.mockRestore();
    expect(log).toContain(
      "/api/chat: AWS refused the function's credentials: InvalidSignatureException",
    );
    expect(log).not.toContain(SECRET);
    expect(text).toBe(
      `event: error\ndata: ${JSON.stringify({
        name: "InvalidSignatureException",
        message: "AWS refused the function's credentials; see the function's logs.",
      })}\n\n`,
    );
    expect(text).not.toContain(SECRET);
  });

  it("missing configuration: a ConfigurationError event, nothing sent", async () => {
    const before = emulator.mock.requests.length;
    const fn = startFunction(code, { CHAT_ENDPOINT: "chat", SAGEMAKER_REGION: "us-east-1" });
    const events = await allEvents(await post(fn, { prompt: "Hi" }));
    expect(events).toEqual([
      {
        event: "error",
        data: { name: "ConfigurationError", message: expect.stringMatching(/AWS_ACCESS_KEY_ID/) },
      },
    ]);
    expect(emulator.mock.requests.length).toBe(before);
  });

  it("a bad body: 400 with a JSON error, nothing sent; other methods: 405", async () => {
    const before = emulator.mock.requests.length;
    const fn = edge();
    const response = await post(fn, { messages: [] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { name: "BadRequest", message: expect.stringMatching(/^Send \{"prompt"/) },
    });
    const get = await fn.handler(new fn.Request("https://example.vercel.app/api/chat"));
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST, OPTIONS"]);
    expect(emulator.mock.requests.length).toBe(before);
  });

  it("CORS: preflights and answers for ALLOWED_ORIGINS; other origins refused", async () => {
    const fn = edge();
    const preflight = await fn.handler(
      new fn.Request("https://example.vercel.app/api/chat", {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "POST" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const allowed = await post(fn, { prompt: "Hi" }, { origin: "https://app.example" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect((await allEvents(allowed)).at(-1)?.event).toBe("done");
    const refused = await post(fn, { prompt: "Hi" }, { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
  });
});

describe("the browser going away", () => {
  it("cancelling the response body cancels the call to SageMaker", async () => {
    const response = await post(edge({ CHAT_ENDPOINT: "ticker-0" }), { prompt: "Go" });
    const events = readEvents(response.body);
    expect((await events.next()).value).toEqual({ event: "message", data: { token: "tick " } });
    await events.return(undefined); // cancels the body
    expect(await ticker(0).stopped).toBeLessThan(ticker(0).ticks);
    const request = emulator.mock.requests.find((r) => r.endpointName === "ticker-0");
    expect(request?.streamedParts).toBeLessThan(ticker(0).ticks);
  });

  it("request.signal firing cancels the call to SageMaker", async () => {
    const fn = edge({ CHAT_ENDPOINT: "ticker-1" });
    const abort = new fn.AbortController();
    const response = await post(fn, { prompt: "Go" }, { signal: abort.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(
      'data: {"token":"tick "}\n\n',
    );
    abort.abort(); // the body is left alone: only the signal says the client has gone
    expect(await ticker(1).stopped).toBeLessThan(ticker(1).ticks);
  });
});
