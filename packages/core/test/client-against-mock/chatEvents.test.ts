// Each container family's demo endpoint, through the client's stream and readChatEvents: the
// request built by buildChatRequest, the answer read as typed events, in every runtime.
import { createDemoEndpoints } from "@sagefetch/msw";
import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import {
  buildChatRequest,
  type ChatContainer,
  type ChatEvent,
  type ChatMessage,
  InvokeEndpointWithResponseStreamCommand,
  readChatEvents,
} from "../../src/index";

const service = setupMockService({ endpoints: createDemoEndpoints({ chatPaceMs: 0 }) });

async function chat(container: ChatContainer, body: object, customAttributes?: string) {
  const out = await service.client().send(
    new InvokeEndpointWithResponseStreamCommand({
      EndpointName: container,
      ContentType: "application/json",
      Body: JSON.stringify(body),
      CustomAttributes: customAttributes,
    }),
  );
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(out.Body)) events.push(event);
  return events;
}
const textOf = (events: ChatEvent[]) =>
  events.map((e) => (e.type === "text-delta" ? e.text : "")).join("");

const messages: ChatMessage[] = [{ role: "user", content: "Hello there" }];
const FAMILIES = [
  ["tgi", "sse-tokens", { completionTokens: 2 }],
  ["lmi", "jsonl-tokens", { completionTokens: 2 }],
  ["tgi-messages", "sse-chat", { promptTokens: 2, completionTokens: 2, totalTokens: 4 }],
  ["lmi-messages", "jsonl-chat", { promptTokens: 2, completionTokens: 2, totalTokens: 4 }],
  ["vllm", "sse-chat", { promptTokens: 2, completionTokens: 2, totalTokens: 4 }],
] as const;

describe.each(FAMILIES)("%s", (container, format, usage) => {
  it("streams typed events: start, text, finish with reason and usage", async () => {
    const events = await chat(
      container,
      buildChatRequest(container, { messages, includeUsage: true }),
    );
    expect(events[0]).toMatchObject({ type: "start", format });
    expect(textOf(events)).toBe('Turn 1: you said "Hello there".');
    expect(events.at(-1)).toMatchObject({ type: "finish", reason: "stop" });
  });

  it("stops at the max tokens, with reason length and the usage", async () => {
    const events = await chat(
      container,
      buildChatRequest(container, { messages, maxTokens: 2, includeUsage: true }),
    );
    expect(textOf(events)).toBe("Turn 1:");
    expect(events.at(-1)).toEqual({ type: "finish", reason: "length", rawReason: "length", usage });
  });
});

describe.each(["lmi", "lmi-messages"] as const)("%s failing mid-stream", (container) => {
  it("gives the first token, an error event, and a finish with reason error", async () => {
    const events = await chat(
      container,
      buildChatRequest(container, { messages }),
      "error=mid-stream",
    );
    expect(events.map((e) => e.type)).toEqual(["start", "text-delta", "error", "finish"]);
    expect(events.at(-1)).toMatchObject({ reason: "error" });
  });
});

it("vllm calls get_weather with its arguments in pieces", async () => {
  const events = await chat(
    "vllm",
    buildChatRequest("vllm", {
      messages: [{ role: "user", content: "Weather in Lima?" }],
      tools: [{ type: "function", function: { name: "get_weather" } }],
    }),
  );
  const calls = events.filter((e) => e.type === "tool-call-delta");
  expect(calls[0]).toMatchObject({ index: 0, id: "call_lima_1", name: "get_weather" });
  expect(JSON.parse(calls.map((c) => c.argumentsDelta).join(""))).toEqual({ city: "Lima" });
  expect(events.at(-1)).toMatchObject({ type: "finish", reason: "tool-calls" });
});
