// The provider as an AI SDK user drives it — streamText and generateText — against the mock's
// demo containers (every family), in every runtime this file runs in (see vitest.config.ts).
import { APICallError, generateText, isStepCount, streamText } from "ai";
import { beforeEach, describe, expect, it } from "vitest";
import type { SageMakerContainer } from "../../src/index";
import { type ChatMockService, startChatMock } from "../mockService";
import { weather } from "../weatherTool";

let service: ChatMockService;
beforeEach(async () => {
  service = await startChatMock();
});

const model = (container: SageMakerContainer, endpoint: string = container) =>
  service.sagemaker(endpoint, { container });

const FAMILIES = ["tgi", "tgi-messages", "lmi", "lmi-messages", "vllm"] as const;
const MESSAGE_FAMILIES = ["tgi-messages", "lmi-messages", "vllm"] as const;

describe.each(FAMILIES)("the %s family", (container) => {
  it("streams the answer with streamText: text, finish reason and usage", async () => {
    const result = streamText({ model: model(container), prompt: "Hello there", maxRetries: 0 });
    let streamed = "";
    for await (const delta of result.textStream) streamed += delta;
    expect(streamed).toBe('Turn 1: you said "Hello there".');
    expect(await result.finishReason).toBe("stop");
    const usage = await result.usage;
    expect(usage.outputTokens).toBeGreaterThan(0);
    // Every request was signed and verified by the mock, and went to the stream operation.
    expect(service.mock.requests.map((r) => r.operation)).toEqual([
      "InvokeEndpointWithResponseStream",
    ]);
  });

  it("gives the same answer with generateText", async () => {
    const result = await generateText({ model: model(container), prompt: "Hello there" });
    expect(result.text).toBe('Turn 1: you said "Hello there".');
    expect(result.finishReason).toBe("stop");
  });

  it("stops at maxOutputTokens, with finish reason length", async () => {
    const result = await generateText({
      model: model(container),
      prompt: "Tell me a long story about the sea",
      maxOutputTokens: 3,
    });
    expect(result.finishReason).toBe("length");
    expect(result.text.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(3);
  });
});

describe.each(MESSAGE_FAMILIES)("tools with the %s family", (container) => {
  it("streams the tool call's input in pieces and gives the call whole", async () => {
    const result = streamText({
      model: model(container),
      prompt: "What is the weather in Paris?",
      tools: { get_weather: weather },
    });
    const deltas: string[] = [];
    for await (const part of result.fullStream) {
      if (part.type === "tool-input-delta") deltas.push(part.delta);
    }
    expect(deltas.length).toBeGreaterThan(1);
    const calls = await result.toolCalls;
    expect(calls).toMatchObject([{ toolName: "get_weather", input: { city: "Paris" } }]);
    expect(await result.finishReason).toBe("tool-calls");
  });

  it("answers with the tool's result on the next step", async () => {
    const result = await generateText({
      model: model(container),
      prompt: "What is the weather in Paris?",
      tools: {
        get_weather: { ...weather, execute: async ({ city }) => `18°C and sunny in ${city}` },
      },
      stopWhen: isStepCount(2),
    });
    expect(result.steps).toHaveLength(2);
    expect(result.text).toContain("18°C and sunny in Paris");
    expect(result.finishReason).toBe("stop");
  });
});

describe("what a family cannot do is said, not dropped", () => {
  it("warns that an inputs-style family takes no tools, and answers in text", async () => {
    const result = await generateText({
      model: model("tgi"),
      prompt: "What is the weather in Paris?",
      tools: { get_weather: weather },
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: "unsupported", feature: "tools" }),
    );
    expect(result.toolCalls).toEqual([]);
    expect(result.text.length).toBeGreaterThan(0);
  });
});

describe("errors", () => {
  it("reports LMI's in-band error as an error part and finish reason error", async () => {
    const reported: unknown[] = [];
    const result = streamText({
      model: model("lmi"),
      prompt: "Hello [error]",
      maxRetries: 0,
      onError: ({ error }) => void reported.push(error),
    });
    const kinds: string[] = [];
    let error: unknown;
    for await (const part of result.fullStream) {
      kinds.push(part.type);
      if (part.type === "error") error = part.error;
    }
    expect(kinds).toContain("error");
    // The container's own failure, typed: its name and fault, and the message it sent.
    expect(error).toMatchObject({ name: "ChatStreamError", fault: "modelError" });
    expect(reported).toEqual([error]);
    expect(await result.finishReason).toBe("error");
  });

  it("maps a SageMaker error to APICallError, with the typed error as cause and isRetryable", async () => {
    const error = await generateText({
      model: service.sagemaker("no-such-endpoint", { container: "vllm" }),
      prompt: "Hi",
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.statusCode).toBe(400);
    expect(apiError.cause).toMatchObject({ name: "ValidationError" });
  });

  it("ends with an abort part, and no finish, when the caller aborts mid-stream", async () => {
    const controller = new AbortController();
    const result = streamText({
      model: service.sagemaker("vllm", { container: "vllm" }),
      prompt: "Tell me a long story about the sea and the ships on it",
      abortSignal: controller.signal,
    });
    const kinds: string[] = [];
    let pieces = 0;
    for await (const part of result.fullStream) {
      kinds.push(part.type);
      if (part.type === "text-delta" && ++pieces === 2) controller.abort();
    }
    expect(pieces).toBe(2);
    expect(kinds.at(-1)).toBe("abort");
    expect(kinds).not.toContain("finish");
  });
});

describe("provider metadata and sessions", () => {
  it("reports the invoked variant and the request id", async () => {
    const result = await generateText({ model: model("vllm"), prompt: "Hello there" });
    expect(result.providerMetadata?.sagemaker).toMatchObject({
      invokedVariant: expect.any(String),
      requestId: expect.any(String),
    });
  });

  it("opens a stateful session on request and continues it with its id", async () => {
    const first = await generateText({
      model: model("vllm", "vllm-sessions"),
      prompt: "Hello there",
      providerOptions: { sagemaker: { sessionId: "new" } },
    });
    const sessionId = first.providerMetadata?.sagemaker?.newSessionId;
    expect(sessionId).toEqual(expect.any(String));
    await generateText({
      model: model("vllm", "vllm-sessions"),
      prompt: "Again",
      providerOptions: { sagemaker: { sessionId: sessionId as string } },
    });
    const sessions = service.mock.requests.map((r) => r.headers["x-amzn-sagemaker-session-id"]);
    expect(sessions).toEqual(["NEW_SESSION", sessionId, sessionId]);
  });
});
