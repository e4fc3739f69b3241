import { describe, expect, it } from "vitest";
import { buildChatRequest, type ChatMessage, type ChatTool } from "./buildChatRequest";

const messages: ChatMessage[] = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "Weather in Paris?" },
];
const tools: ChatTool[] = [
  {
    type: "function",
    function: {
      name: "get_weather",
      parameters: { type: "object", properties: { city: { type: "string" } } },
    },
  },
];

describe("buildChatRequest", () => {
  it.each(["tgi-messages", "lmi-messages", "vllm", "sglang"] as const)(
    "%s takes an OpenAI Chat Completions body",
    (container) => {
      expect(
        buildChatRequest(container, {
          messages,
          maxTokens: 64,
          includeUsage: true,
          tools,
          temperature: 0,
        }),
      ).toEqual({
        messages,
        max_tokens: 64,
        temperature: 0,
        stream: true,
        stream_options: { include_usage: true },
        tools,
      });
    },
  );

  it("asks for usage only when streaming and asked", () => {
    expect(buildChatRequest("vllm", { messages, stream: false, includeUsage: true })).toEqual({
      messages,
      stream: false,
    });
    expect(buildChatRequest("vllm", { messages })).toEqual({ messages, stream: true });
  });

  it.each(["tgi", "lmi"] as const)("%s takes inputs and parameters.max_new_tokens", (container) => {
    expect(buildChatRequest(container, { messages, maxTokens: 32 })).toEqual({
      inputs: "system: Be brief.\nuser: Weather in Paris?\nassistant:",
      parameters: { max_new_tokens: 32, details: true },
      stream: true,
    });
    expect(
      buildChatRequest(container, { messages, prompt: (m) => `<s>${m.at(-1)?.content}` }).inputs,
    ).toBe("<s>Weather in Paris?");
  });

  it.each([
    ["tgi", { messages, tools }, "tools"],
    ["vllm", { messages: [] }, "messages"],
    ["vllm", { messages, maxTokens: 0 }, "maxTokens"],
    ["vllm", { messages, maxTokens: 1.5 }, "maxTokens"],
    ["bedrock", { messages }, "container"],
  ])("%s with %j: a typed error naming %s", (container, options, field) => {
    expect(() => buildChatRequest(container as never, options as never)).toThrow(
      expect.objectContaining({ name: "ValidationError", field }),
    );
  });
});
