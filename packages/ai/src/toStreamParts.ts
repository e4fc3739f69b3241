import type {
  LanguageModelV4FinishReason,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from "@ai-sdk/provider";
import { type ChatEvent, ChatStreamError, type ChatUsage } from "@sagefetch/core";

export interface StreamPartsOptions {
  warnings: SharedV4Warning[];
  /** What the AI SDK shows as `providerMetadata.sagemaker` on the finish part. */
  metadata: () => SharedV4ProviderMetadata[string];
  /** Turns a failure while reading into what the AI SDK should see. */
  toError: (error: unknown) => unknown;
  includeRaw?: boolean;
}

interface OpenToolCall {
  id: string;
  name: string;
  input: string;
}

/**
 * Core's chat events as the AI SDK's stream parts: text and reasoning opened and closed around
 * their deltas, tool calls streamed as input deltas and then given whole (the AI SDK runs the
 * tool from the whole call), and one finish with the unified reason, the raw reason and usage.
 */
export function toStreamParts(
  events: AsyncIterable<ChatEvent>,
  { warnings, metadata, toError, includeRaw }: StreamPartsOptions,
): ReadableStream<LanguageModelV4StreamPart> {
  const iterator = events[Symbol.asyncIterator]();
  let textOpen = false;
  let reasoningOpen = false;
  const toolCalls = new Map<number, OpenToolCall>();
  let finishReason: LanguageModelV4FinishReason = { unified: "interrupted", raw: undefined };
  let usage: ChatUsage | undefined;
  let started = false;

  const closeText = (out: LanguageModelV4StreamPart[]) => {
    if (textOpen) out.push({ type: "text-end", id: "text" });
    if (reasoningOpen) out.push({ type: "reasoning-end", id: "reasoning" });
    textOpen = reasoningOpen = false;
  };
  const closeToolCalls = (out: LanguageModelV4StreamPart[]) => {
    for (const call of toolCalls.values()) {
      out.push({ type: "tool-input-end", id: call.id });
      out.push({
        type: "tool-call",
        toolCallId: call.id,
        toolName: call.name,
        input: call.input || "{}",
      });
    }
    toolCalls.clear();
  };

  const partsOf = (event: ChatEvent): LanguageModelV4StreamPart[] => {
    const out: LanguageModelV4StreamPart[] = [];
    if (includeRaw) out.push({ type: "raw", rawValue: event });
    switch (event.type) {
      case "start":
        out.push({
          type: "response-metadata",
          ...(event.id ? { id: event.id } : {}),
          ...(event.model ? { modelId: event.model } : {}),
        });
        break;
      case "text-delta":
        if (reasoningOpen) {
          out.push({ type: "reasoning-end", id: "reasoning" });
          reasoningOpen = false;
        }
        if (!textOpen) out.push({ type: "text-start", id: "text" });
        textOpen = true;
        out.push({ type: "text-delta", id: "text", delta: event.text });
        break;
      case "reasoning-delta":
        if (!reasoningOpen) out.push({ type: "reasoning-start", id: "reasoning" });
        reasoningOpen = true;
        out.push({ type: "reasoning-delta", id: "reasoning", delta: event.text });
        break;
      case "tool-call-delta": {
        let call = toolCalls.get(event.index);
        if (!call) {
          call = { id: event.id ?? `call_${event.index}`, name: event.name ?? "", input: "" };
          toolCalls.set(event.index, call);
          out.push({ type: "tool-input-start", id: call.id, toolName: call.name });
        }
        if (event.argumentsDelta) {
          call.input += event.argumentsDelta;
          out.push({ type: "tool-input-delta", id: call.id, delta: event.argumentsDelta });
        }
        break;
      }
      case "error":
        // Typed, so that a route handler can tell the container's own failure from a bug.
        out.push({ type: "error", error: new ChatStreamError("modelError", event.message) });
        break;
      case "finish":
        finishReason = { unified: event.reason, raw: event.rawReason };
        usage = event.usage;
        break;
    }
    return out;
  };

  const finish = (): LanguageModelV4StreamPart[] => {
    const out: LanguageModelV4StreamPart[] = [];
    closeText(out);
    closeToolCalls(out);
    out.push({
      type: "finish",
      finishReason,
      usage: toUsage(usage),
      providerMetadata: { sagemaker: metadata() },
    });
    return out;
  };

  return new ReadableStream<LanguageModelV4StreamPart>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue({ type: "stream-start", warnings });
      }
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            for (const part of finish()) controller.enqueue(part);
            controller.close();
            return;
          }
          const parts = partsOf(next.value);
          for (const part of parts) controller.enqueue(part);
          if (parts.length) return;
        }
      } catch (error) {
        controller.enqueue({ type: "error", error: toError(error) });
        finishReason = { unified: "error", raw: undefined };
        for (const part of finish()) controller.enqueue(part);
        controller.close();
      }
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** Core's usage as the AI SDK's; unknown counts stay undefined (never a made-up zero). */
export function toUsage(usage: ChatUsage | undefined): LanguageModelV4Usage {
  return {
    inputTokens: {
      total: usage?.promptTokens,
      noCache: undefined,
      cacheRead: undefined,
      cacheWrite: undefined,
    },
    outputTokens: { total: usage?.completionTokens, text: undefined, reasoning: undefined },
    ...(usage ? { raw: { ...usage } } : {}),
  };
}
