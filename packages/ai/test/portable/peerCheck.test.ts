// A peer we did not write: the AI SDK's own @ai-sdk/openai-compatible, on the mock's
// OpenAI-compatible route with core's bearer tokens, and our provider on the native route, asked
// the same things: the same text, tool calls and finish reasons. Our `openai` container (the same
// route through our provider) must agree too.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { openAiRouteOptions } from "@sagefetch/core";
import { demoCredentials } from "@sagefetch/msw";
import { generateText, isStepCount, streamText } from "ai";
import { beforeEach, describe, expect, it } from "vitest";
import { type ChatMockService, startChatMock } from "../mockService";
import { weather } from "../weatherTool";

let service: ChatMockService;
beforeEach(async () => {
  service = await startChatMock();
});

/** The three ways to the same demo vLLM container. */
function models(): Record<string, LanguageModelV4> {
  const peer = createOpenAICompatible(
    openAiRouteOptions({
      region: "us-east-1",
      endpointName: "vllm",
      credentials: demoCredentials,
      fetch: service.fetch,
    }),
  );
  return {
    "@ai-sdk/openai-compatible on the OpenAI route": peer.chatModel("vllm") as LanguageModelV4,
    "@sagefetch/ai on the native route": service.sagemaker("vllm", { container: "vllm" }),
    "@sagefetch/ai on the OpenAI route": service.sagemaker("vllm", { container: "openai" }),
  };
}

async function answer(
  model: LanguageModelV4,
  prompt: string,
  withTools: boolean,
  maxOutputTokens?: number,
) {
  const result = streamText({
    model,
    prompt,
    maxRetries: 0,
    ...(maxOutputTokens ? { maxOutputTokens } : {}),
    ...(withTools ? { tools: { get_weather: weather } } : {}),
  });
  let text = "";
  for await (const delta of result.textStream) text += delta;
  return {
    text,
    finishReason: await result.finishReason,
    toolCalls: (await result.toolCalls).map((c) => ({ toolName: c.toolName, input: c.input })),
  };
}

describe("the peer check: @ai-sdk/openai-compatible and @sagefetch/ai agree", () => {
  it.each([
    ["a plain answer", "Hello there", false, undefined, "stop"],
    ["an answer cut by max tokens", "Tell me a long story about the sea", false, 4, "length"],
    ["a tool call", "What is the weather in Paris?", true, undefined, "tool-calls"],
  ] as const)("%s", async (_name, prompt, withTools, maxTokens, reason) => {
    const answers = await Promise.all(
      Object.values(models()).map((model) => answer(model, prompt, withTools, maxTokens)),
    );
    const [first, ...rest] = answers;
    expect(first?.finishReason).toBe(reason);
    expect(first?.text.length || first?.toolCalls.length).toBeGreaterThan(0);
    for (const other of rest) expect(other).toEqual(first);
  });

  it("the next step, with the tool's result, gives the same answer", async () => {
    const results = await Promise.all(
      Object.values(models()).map((model) =>
        generateText({
          model,
          prompt: "What is the weather in Paris?",
          tools: { get_weather: { ...weather, execute: async ({ city }) => `21°C in ${city}` } },
          stopWhen: isStepCount(2),
        }),
      ),
    );
    const texts = results.map((r) => r.text);
    expect(texts[0]).toContain("21°C in Paris");
    expect(new Set(texts).size).toBe(1);
    expect(new Set(results.map((r) => r.finishReason))).toEqual(new Set(["stop"]));
  });

  it("the OpenAI route carried a bearer token, the native route a SigV4 signature", async () => {
    await answer(models()["@sagefetch/ai on the OpenAI route"] as LanguageModelV4, "Hi", false);
    await answer(models()["@sagefetch/ai on the native route"] as LanguageModelV4, "Hi", false);
    const [openAi, native] = service.mock.requests;
    expect(openAi?.headers.authorization).toMatch(/^Bearer sagemaker-api-key-/);
    expect(native?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
  });
});
