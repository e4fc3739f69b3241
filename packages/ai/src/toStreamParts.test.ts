import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import type { ChatEvent } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import { toStreamParts } from "./toStreamParts";

async function* eventsOf(events: ChatEvent[], failAfter?: Error): AsyncGenerator<ChatEvent> {
  for (const event of events) yield event;
  if (failAfter) throw failAfter;
}

async function partsOf(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const options = {
  warnings: [],
  metadata: () => ({ requestId: "r-1" }),
  toError: (error: unknown) => error,
};

describe("toStreamParts", () => {
  it("opens and closes text around its deltas and ends with one finish", async () => {
    const parts = await partsOf(
      toStreamParts(
        eventsOf([
          { type: "start", format: "sse-chat", id: "cmpl-1", model: "m" },
          { type: "text-delta", text: "Hel" },
          { type: "text-delta", text: "lo" },
          {
            type: "finish",
            reason: "stop",
            rawReason: "stop",
            usage: { promptTokens: 3, completionTokens: 2 },
          },
        ]),
        options,
      ),
    );
    expect(parts).toEqual([
      { type: "stream-start", warnings: [] },
      { type: "response-metadata", id: "cmpl-1", modelId: "m" },
      { type: "text-start", id: "text" },
      { type: "text-delta", id: "text", delta: "Hel" },
      { type: "text-delta", id: "text", delta: "lo" },
      { type: "text-end", id: "text" },
      {
        type: "finish",
        finishReason: { unified: "stop", raw: "stop" },
        usage: {
          inputTokens: {
            total: 3,
            noCache: undefined,
            cacheRead: undefined,
            cacheWrite: undefined,
          },
          outputTokens: { total: 2, text: undefined, reasoning: undefined },
          raw: { promptTokens: 3, completionTokens: 2 },
        },
        providerMetadata: { sagemaker: { requestId: "r-1" } },
      },
    ]);
  });

  it("streams tool input in pieces, then gives each call whole", async () => {
    const parts = await partsOf(
      toStreamParts(
        eventsOf([
          { type: "start", format: "sse-chat" },
          {
            type: "tool-call-delta",
            index: 0,
            id: "call_a",
            name: "get_weather",
            argumentsDelta: "",
          },
          { type: "tool-call-delta", index: 0, argumentsDelta: '{"city":' },
          { type: "tool-call-delta", index: 0, argumentsDelta: '"Paris"}' },
          { type: "finish", reason: "tool-calls", rawReason: "tool_calls" },
        ]),
        options,
      ),
    );
    expect(parts.slice(2, -1)).toEqual([
      { type: "tool-input-start", id: "call_a", toolName: "get_weather" },
      { type: "tool-input-delta", id: "call_a", delta: '{"city":' },
      { type: "tool-input-delta", id: "call_a", delta: '"Paris"}' },
      { type: "tool-input-end", id: "call_a" },
      {
        type: "tool-call",
        toolCallId: "call_a",
        toolName: "get_weather",
        input: '{"city":"Paris"}',
      },
    ]);
    expect(parts.at(-1)).toMatchObject({
      finishReason: { unified: "tool-calls", raw: "tool_calls" },
    });
  });

  it("reports an in-band error as an error part, and a failed read as an error and a finish", async () => {
    const failure = new Error("stream cut");
    const parts = await partsOf(
      toStreamParts(
        eventsOf(
          [
            { type: "start", format: "jsonl-tokens" },
            { type: "text-delta", text: "Hi" },
            { type: "error", message: "the model failed" },
          ],
          failure,
        ),
        { ...options, toError: (error) => ({ wrapped: error }) },
      ),
    );
    const kinds = parts.map((p) => p.type);
    expect(kinds).toEqual([
      "stream-start",
      "response-metadata",
      "text-start",
      "text-delta",
      "error",
      "error",
      "text-end",
      "finish",
    ]);
    expect(parts[4]).toMatchObject({
      type: "error",
      error: { name: "ChatStreamError", fault: "modelError", message: "the model failed" },
    });
    expect(parts[5]).toEqual({ type: "error", error: { wrapped: failure } });
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: "error" } });
  });

  it("says `interrupted` when the stream ends with no finish, and makes up no usage", async () => {
    const parts = await partsOf(
      toStreamParts(eventsOf([{ type: "text-delta", text: "cut" }]), options),
    );
    expect(parts.at(-1)).toMatchObject({
      type: "finish",
      finishReason: { unified: "interrupted", raw: undefined },
      usage: { inputTokens: { total: undefined }, outputTokens: { total: undefined } },
    });
  });
});
