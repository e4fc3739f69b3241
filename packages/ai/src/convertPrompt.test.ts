import { describe, expect, it } from "vitest";
import { convertPrompt } from "./convertPrompt";

describe("convertPrompt", () => {
  it("turns the AI SDK's prompt into OpenAI-shaped messages, tool calls and results included", () => {
    const { messages, warnings } = convertPrompt([
      { role: "system", content: "Be brief." },
      {
        role: "user",
        content: [
          { type: "text", text: "Weather in " },
          { type: "text", text: "Paris?" },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "reasoning", text: "They want weather." },
          {
            type: "tool-call",
            toolCallId: "call_1",
            toolName: "get_weather",
            input: { city: "Paris" },
          },
        ],
      },
      {
        role: "tool",
        content: [
          {
            type: "tool-result",
            toolCallId: "call_1",
            toolName: "get_weather",
            output: { type: "json", value: { tempC: 18 } },
          },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Weather in Paris?" },
      {
        role: "assistant",
        content: "",
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: '{"tempC":18}' },
    ]);
    expect(warnings).toEqual([]);
  });

  it("leaves out what a text chat body cannot carry, and says so once per kind", () => {
    const file = { type: "file", data: new Uint8Array([1]), mediaType: "image/png" } as never;
    const { messages, warnings } = convertPrompt([
      { role: "user", content: [file, { type: "text", text: "What is this?" }, file] },
    ]);
    expect(messages).toEqual([{ role: "user", content: "What is this?" }]);
    expect(warnings).toEqual([{ type: "unsupported", feature: "file parts in user messages" }]);
  });

  it("gives each kind of tool output as the text a tool message carries", () => {
    const result = (output: never) => ({
      role: "tool" as const,
      content: [{ type: "tool-result" as const, toolCallId: "c", toolName: "t", output }],
    });
    const { messages } = convertPrompt([
      result({ type: "text", value: "plain" } as never),
      result({ type: "error-text", value: "boom" } as never),
      result({ type: "execution-denied", reason: "user said no" } as never),
      result({ type: "execution-denied" } as never),
    ]);
    expect(messages.map((m) => m.content)).toEqual([
      "plain",
      "boom",
      "user said no",
      "The tool call was denied.",
    ]);
  });
});
