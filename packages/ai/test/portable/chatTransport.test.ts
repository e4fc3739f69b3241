// The transport as useChat drives it: sendMessages with UI messages, read back as UI chunks,
// against the mock's demo containers, in every runtime this file runs in.

import { demoCredentials } from "@sagefetch/msw";
import type { LanguageModelUsage, UIMessage, UIMessageChunk } from "ai";
import { beforeEach, describe, expect, it } from "vitest";
import { createSageMaker, SageMakerChatTransport } from "../../src/index";
import { type ChatMockService, startChatMock } from "../mockService";

let service: ChatMockService;
beforeEach(async () => {
  service = await startChatMock();
});

type Metadata = { usage?: LanguageModelUsage; parts?: number };
type Message = UIMessage<Metadata>;

const ask = (text: string): Message[] => [
  { id: "u1", role: "user", parts: [{ type: "text", text }] },
];

async function chunksOf(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const send = (transport: SageMakerChatTransport<Message>, text: string) =>
  transport.sendMessages({
    trigger: "submit-message",
    chatId: "c1",
    messageId: undefined,
    messages: ask(text),
    abortSignal: undefined,
  });

describe("SageMakerChatTransport", () => {
  it("streams the answer as UI chunks", async () => {
    const transport = new SageMakerChatTransport<Message>({
      model: service.sagemaker("vllm", { container: "vllm" }),
    });
    const chunks = await chunksOf(await send(transport, "Hello there"));
    const text = chunks.flatMap((c) => (c.type === "text-delta" ? [c.delta] : [])).join("");
    expect(text).toBe('Turn 1: you said "Hello there".');
    expect(chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
  });

  it("adds the message metadata made from the stream's parts", async () => {
    let parts = 0;
    const transport = new SageMakerChatTransport<Message>({
      model: service.sagemaker("lmi-messages", { container: "lmi-messages" }),
      messageMetadata: ({ part }) => {
        parts++;
        return part.type === "finish" ? { usage: part.totalUsage, parts } : undefined;
      },
    });
    const chunks = await chunksOf(await send(transport, "one two three"));
    const finish = chunks.find((c) => c.type === "finish");
    const metadata = (finish as { messageMetadata?: Metadata }).messageMetadata;
    expect(metadata?.parts).toBe(parts);
    expect(metadata?.usage?.outputTokens).toBeGreaterThan(0);
    expect(metadata?.usage?.inputTokens).toBe(3);
  });

  it("says what failed in the error chunk, in the words errorMessage gives", async () => {
    const transport = new SageMakerChatTransport<Message>({
      model: service.sagemaker("lmi", { container: "lmi" }),
      errorMessage: (error) => `failed: ${(error as Error).name}`,
    });
    const chunks = await chunksOf(await send(transport, "Hi [error]"));
    expect(chunks.filter((c) => c.type === "error")).toEqual([
      { type: "error", errorText: expect.stringMatching(/^failed: \w+/) },
    ]);
  });

  it("tells onError of a failed call, and prints nothing itself", async () => {
    const reported: unknown[] = [];
    const printed: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void printed.push(args);
    try {
      const transport = new SageMakerChatTransport<Message>({
        model: service.sagemaker("lmi", { container: "lmi" }),
        onError: (e) => void reported.push(e),
      });
      await chunksOf(await send(transport, "Hi [error]"));
    } finally {
      console.error = error;
    }
    expect(reported).toEqual([expect.objectContaining({ name: "ChatStreamError" })]);
    expect(printed).toEqual([]);
  });
});

describe("SageMakerChatTransport's retries", () => {
  const unreachable = () => {
    const calls = { count: 0 };
    const sagemaker = createSageMaker({
      region: "us-east-1",
      credentials: demoCredentials,
      fetch: async () => {
        calls.count++;
        throw new TypeError("Failed to fetch");
      },
    });
    return { calls, model: sagemaker("vllm", { container: "vllm" }) };
  };
  const attemptsWith = async (maxRetries: number) => {
    const { calls, model } = unreachable();
    const transport = new SageMakerChatTransport<Message>({ model, maxRetries });
    const chunks = await chunksOf(await send(transport, "Hello"));
    expect(chunks.some((c) => c.type === "error")).toBe(true);
    return calls.count;
  };

  it("maxRetries: 0 leaves retrying to the client; each AI SDK retry is a round of its attempts", async () => {
    const once = await attemptsWith(0);
    expect(once).toBeGreaterThan(0);
    expect(await attemptsWith(1)).toBe(2 * once);
  });
});
