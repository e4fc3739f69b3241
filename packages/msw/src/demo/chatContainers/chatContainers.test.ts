import { readEventStream } from "@sagefetch/testing/eventStream";
import { describe, expect, it } from "vitest";
import { createDemoEndpoints, demoEndpoints, sageMakerHandlers } from "../../index";
import { fromUtf8 } from "../../internal/bytes";
import { invoke, STREAM_ACTION, TEST_DATE } from "../../internal/testing/invoke";
import { serveMock } from "../../internal/testing/serveMock";

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: { ...createDemoEndpoints({ chatPaceMs: 0 }), "vllm-paced": demoEndpoints.vllm },
});
serveMock(mock);

const WEATHER = [
  { type: "function", function: { name: "get_weather", parameters: { type: "object" } } },
];

/** The streamed answer's text (parts joined) and content type. */
async function stream(endpoint: string, body: object, headers: Record<string, string> = {}) {
  const response = await invoke(endpoint, {
    action: STREAM_ACTION,
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
  expect(response.status).toBe(200);
  const { messages } = await readEventStream(response.body);
  return {
    parts: messages.length,
    text: messages.map((m) => fromUtf8(m.payload)).join(""),
    contentType: response.headers.get("x-amzn-sagemaker-content-type"),
  };
}
const dataOf = (sse: string) =>
  sse
    .split("\n")
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).trim());
const chunksOf = (sse: string) =>
  dataOf(sse)
    .filter((d) => d !== "[DONE]")
    .map((d) => JSON.parse(d));
const contentOf = (chunks: { choices: { delta: { content?: string } }[] }[]) =>
  chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");

describe("tgi", () => {
  it("streams SSE token events, the last the special </s> with generated_text and details", async () => {
    const { text, contentType } = await stream("tgi", {
      inputs: "Hello",
      parameters: { details: true },
      stream: true,
    });
    expect(contentType).toBe("text/event-stream");
    expect(text.startsWith("data:{")).toBe(true);
    const events = dataOf(text).map((d) => JSON.parse(d));
    expect(events.map((e) => e.token.text).join("")).toBe('Turn 1: you said "Hello".</s>');
    expect(events.at(-1)).toMatchObject({
      token: { id: 2, special: true },
      generated_text: 'Turn 1: you said "Hello".',
      details: { finish_reason: "eos_token", generated_tokens: 5 },
    });
  });

  it("honours parameters.max_new_tokens", async () => {
    const { text } = await stream("tgi", {
      inputs: "one two three",
      parameters: { max_new_tokens: 2, details: true },
      stream: true,
    });
    const events = dataOf(text).map((d) => JSON.parse(d));
    expect(events).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({
      details: { finish_reason: "length", generated_tokens: 2 },
    });
  });
});

describe.each([
  ["tgi-messages", "data:{", "text/event-stream"],
  ["vllm", "data: {", "text/event-stream"],
])("%s", (endpoint, start, type) => {
  it("streams OpenAI chunks as SSE ending with [DONE], usage when asked, max_tokens honoured", async () => {
    const { text, contentType } = await stream(endpoint, {
      messages: [{ role: "user", content: "Hi there friend" }],
      max_tokens: 3,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(contentType).toBe(type);
    expect(text.startsWith(start)).toBe(true);
    expect(dataOf(text).at(-1)).toBe("[DONE]");
    const chunks = chunksOf(text);
    expect(contentOf(chunks)).toBe("Turn 1: you");
    expect(chunks.at(-2).choices[0].finish_reason).toBe("length");
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
    });
  });
});

describe("lmi", () => {
  it("streams JSON Lines tokens, the last with generated_text and details", async () => {
    const { text, contentType } = await stream("lmi", { inputs: "Hey", stream: true });
    expect(contentType).toBe("application/jsonlines");
    const lines = text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.token.text).join("")).toBe('Turn 1: you said "Hey".');
    expect(lines[0].token).toMatchObject({ id: [expect.any(Number)], log_prob: -0.25 });
    expect(lines.at(-1)).toMatchObject({
      details: { finish_reason: "eos_token", generated_tokens: 5 },
    });
  });

  it("fails after the first token on request: token id -1, finish_reason error", async () => {
    const { text } = await stream(
      "lmi",
      { inputs: "Hey [error]", stream: true },
      {
        "x-amzn-sagemaker-custom-attributes": "x=1",
      },
    );
    const lines = text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ token: { id: [-1] }, details: { finish_reason: "error" } });
    const viaAttributes = await stream(
      "lmi",
      { inputs: "Hey", stream: true },
      {
        "x-amzn-sagemaker-custom-attributes": "error=mid-stream",
      },
    );
    expect(viaAttributes.text.trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("lmi-messages", () => {
  it("streams JSON Lines chunks with no data: and no [DONE]", async () => {
    const { text, contentType } = await stream("lmi-messages", {
      messages: [{ role: "user", content: "Yo" }],
      stream: true,
    });
    expect(contentType).toBe("application/jsonlines");
    expect(text).not.toContain("data:");
    expect(text).not.toContain("[DONE]");
    const chunks = text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(contentOf(chunks)).toBe('Turn 1: you said "Yo".');
    expect(chunks.at(-1).choices[0].finish_reason).toBe("stop");
  });

  it("fails mid-stream on request with finish_reason error", async () => {
    const { text } = await stream("lmi-messages", {
      messages: [{ role: "user", content: "[error] please" }],
      stream: true,
    });
    const chunks = text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(chunks.at(-1).choices[0].finish_reason).toBe("error");
    expect(contentOf(chunks)).toBe("Turn");
  });
});

describe.each(["vllm", "tgi-messages", "lmi-messages"])(
  "%s and the get_weather tool",
  (endpoint) => {
    it("calls it with arguments in pieces, then answers with its result", async () => {
      const ask = { role: "user", content: "What is the weather in Oslo?" };
      const { text } = await stream(endpoint, { messages: [ask], tools: WEATHER, stream: true });
      const chunks =
        endpoint === "lmi-messages"
          ? text
              .trimEnd()
              .split("\n")
              .map((l) => JSON.parse(l))
          : chunksOf(text);
      const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
      expect(calls[0]).toMatchObject({
        index: 0,
        id: "call_oslo_1",
        function: { name: "get_weather", arguments: "" },
      });
      const pieces = calls
        .slice(1)
        .map((c: { function: { arguments: string } }) => c.function.arguments);
      expect(pieces.length).toBeGreaterThan(2);
      expect(JSON.parse(pieces.join(""))).toEqual({ city: "Oslo" });
      expect(chunks.at(-1).choices[0].finish_reason).toBe("tool_calls");

      const call = {
        id: "call_oslo_1",
        type: "function",
        function: { name: "get_weather", arguments: pieces.join("") },
      };
      const next = await invoke(endpoint, {
        body: JSON.stringify({
          messages: [
            ask,
            { role: "assistant", content: null, tool_calls: [call] },
            { role: "tool", tool_call_id: "call_oslo_1", content: "4°C, light snow" },
          ],
          tools: WEATHER,
        }),
      });
      expect(await next.json()).toMatchObject({
        object: "chat.completion",
        choices: [
          {
            message: { content: "The weather tool says: 4°C, light snow." },
            finish_reason: "stop",
          },
        ],
      });
    });
  },
);

it("paces the tokens (15 ms apart by default)", async () => {
  const started = performance.now();
  const { parts } = await stream("vllm-paced", {
    messages: [{ role: "user", content: "a b c d" }],
    stream: true,
  });
  expect(parts).toBeGreaterThan(8);
  expect(performance.now() - started).toBeGreaterThanOrEqual((parts - 1) * 15 - 20);
});

it("the chat endpoint keeps its TGI-style stream", async () => {
  const { text } = await stream("chat", { inputs: "Hello there" });
  expect(
    dataOf(text)
      .map((d) => JSON.parse(d).token.text)
      .join(""),
  ).toBe('Turn 1: you said "Hello there".</s>');
});
