// The proof: the official `openai` client and `@ai-sdk/openai-compatible` stream a
// chat from the emulator's OpenAI-compatible route over real HTTP, with our bearer token.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { createDemoEndpoints, demoCredentials } from "@sagefetch/msw";
import { streamText } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBearerToken, openAiRouteOptions } from "../../src/index";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    region: "us-east-1",
    endpoints: createDemoEndpoints({ chatPaceMs: 5 }),
    log: () => {},
  });
});
afterAll(() => emulator.close());

const settings = (endpointName: string) =>
  openAiRouteOptions({
    region: "us-east-1",
    endpointName,
    credentials: demoCredentials,
    endpoint: emulator.url,
  });

describe("the emulator's OpenAI-compatible route", () => {
  it("streams a chat to the official openai client", async () => {
    const client = new OpenAI({ ...settings("vllm"), maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: "demo",
      messages: [{ role: "user", content: "Over real sockets" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe('Turn 1: you said "Over real sockets".');
  });

  it("streams a chat to @ai-sdk/openai-compatible", async () => {
    const provider = createOpenAICompatible({ ...settings("tgi-messages"), includeUsage: true });
    const result = streamText({ model: provider.chatModel("demo"), prompt: "Hello emulator" });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe('Turn 1: you said "Hello emulator".');
    expect((await result.usage).inputTokens).toBe(2);
  });

  it("refuses a token for another region with 403 and an expired one with 401", async () => {
    const url = `${settings("vllm").baseURL}/chat/completions`;
    const call = (token: string) =>
      fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: '{"messages":[{"role":"user","content":"x"}]}',
      });
    const west = await call(
      createBearerToken({ credentials: demoCredentials, region: "us-west-2" }),
    );
    expect(west.status).toBe(403);
    expect(await west.json()).toMatchObject({ error: { code: "permission_denied" } });
    const old = createBearerToken({
      credentials: demoCredentials,
      region: "us-east-1",
      expiresIn: 1,
      signingDate: new Date(Date.now() - 60_000),
    });
    expect((await call(old)).status).toBe(401);
  });
});
