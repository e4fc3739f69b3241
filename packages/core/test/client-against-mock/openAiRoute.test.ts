// The official `openai` client and the AI SDK's `@ai-sdk/openai-compatible`, set up with
// openAiRouteOptions alone, talking to the mock's OpenAI-compatible route with our bearer
// tokens: streamed and not, endpoint and inference component, in every runtime.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createDemoEndpoints, demoCredentials } from "@sagefetch/msw";
import { setupMockService } from "@sagefetch/testing/startMock";
import { generateText, jsonSchema, streamText, tool } from "ai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { openAiRouteOptions, readChatEvents } from "../../src/index";

const demos = createDemoEndpoints({ chatPaceMs: 0 });
const service = setupMockService({
  endpoints: {
    ...demos,
    shared: { model: demos.vllm as never, inferenceComponents: ["llama-ic"] },
  },
});

const settings = (extra: { inferenceComponentName?: string; endpointName?: string } = {}) =>
  openAiRouteOptions({
    region: "us-east-1",
    endpointName: "vllm",
    credentials: demoCredentials,
    fetch: service.fetch,
    ...extra,
  });
const bearerOf = (i: number) => service.mock.requests[i]?.headers.authorization ?? "";

describe("the openai client", () => {
  const client = (extra?: Parameters<typeof settings>[0]) =>
    new OpenAI({ ...settings(extra), dangerouslyAllowBrowser: true, maxRetries: 0 });

  it("gets a chat completion", async () => {
    const completion = await client().chat.completions.create({
      model: "demo",
      messages: [{ role: "user", content: "Hello" }],
    });
    expect(completion.choices[0]?.message.content).toBe('Turn 1: you said "Hello".');
    expect(completion.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 5 });
    expect(bearerOf(0)).toMatch(/^Bearer sagemaker-api-key-/);
    expect(service.mock.requests[0]?.accessKeyId).toBe(demoCredentials.accessKeyId);
  });

  it("streams one, usage included, from an inference component", async () => {
    const stream = await client({
      endpointName: "shared",
      inferenceComponentName: "llama-ic",
    }).chat.completions.create({
      model: "demo",
      messages: [{ role: "user", content: "Stream please" }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 3,
    });
    let text = "";
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage ??= chunk.usage ?? undefined;
    }
    expect(text).toBe("Turn 1: you");
    expect(usage).toMatchObject({ completion_tokens: 3 });
    expect(service.mock.requests[0]?.url).toContain(
      "/endpoints/shared/inference-components/llama-ic/openai/v1/chat/completions",
    );
  });

  it("reads a refused token as the client's AuthenticationError", async () => {
    const refused = new OpenAI({
      ...openAiRouteOptions({
        region: "us-east-1",
        endpointName: "vllm",
        credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "not-known-to-the-mock" },
        fetch: service.fetch,
      }),
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    });
    const error = await refused.chat.completions
      .create({ model: "demo", messages: [{ role: "user", content: "Hi" }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: "invalid_api_key" });
  });
});

describe("@ai-sdk/openai-compatible", () => {
  const model = (extra?: Parameters<typeof settings>[0]) =>
    createOpenAICompatible({ ...settings(extra), includeUsage: true }).chatModel("demo");

  it("generates text", async () => {
    const result = await generateText({ model: model(), prompt: "Bonjour" });
    expect(result.text).toBe('Turn 1: you said "Bonjour".');
    expect(result.finishReason).toBe("stop");
  });

  it("streams text with usage", async () => {
    const result = streamText({ model: model(), prompt: "Stream it", maxOutputTokens: 4 });
    expect(await result.text).toBe("Turn 1: you said");
    expect(await result.finishReason).toBe("length");
    expect((await result.usage).outputTokens).toBe(4);
  });

  it("streams a tool call, runs the tool, and answers with its result", async () => {
    const result = await generateText({
      model: model(),
      prompt: "What is the weather in Rome?",
      tools: {
        get_weather: tool({
          inputSchema: jsonSchema<{ city: string }>({
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
          }),
          execute: async ({ city }) => `sunny in ${city}`,
        }),
      },
      stopWhen: () => false,
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(result).toMatchObject({ text: expect.stringContaining("sunny in Rome") });
  });
});

it("each request carries the current token, made fresh when the last nears expiry", async () => {
  const { fetch, baseURL } = settings();
  const post = () =>
    fetch(`${baseURL}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ messages: [{ role: "user", content: "x" }], stream: true }),
    });
  const first = await post();
  const events = [];
  for await (const event of readChatEvents(first.body as ReadableStream<Uint8Array>))
    events.push(event);
  expect(events.at(-1)).toMatchObject({ type: "finish", reason: "stop" });
  await (await post()).text();
  expect(bearerOf(1)).toBe(bearerOf(0));
});
