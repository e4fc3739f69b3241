import type { ChatEvent, ChatUsage } from "../types";
import { type Json, number, object, string } from "./json";

/** What the reader keeps between lines: the finish reason and usage seen so far. */
export interface FinishState {
  rawReason?: string;
  usage?: ChatUsage;
  /** An in-band error ended the stream. */
  failed?: boolean;
}

/** The usage of an OpenAI chunk (`prompt_tokens`, `completion_tokens`, `total_tokens`). */
function usageOf(value: unknown): ChatUsage | undefined {
  const usage = object(value);
  if (!usage) return undefined;
  return {
    promptTokens: number(usage.prompt_tokens),
    completionTokens: number(usage.completion_tokens),
    totalTokens: number(usage.total_tokens),
  };
}

/** The error message of `{"error": …}` (vLLM, TGI) or `{"object": "error", "message"}` bodies. */
export function errorOf(event: Json): string | undefined {
  if (event.object === "error") return string(event.message) ?? "error";
  const error = event.error;
  if (error === undefined || error === null) return undefined;
  return string(error) ?? string(object(error)?.message) ?? "error";
}

/**
 * The events of one OpenAI `chat.completion.chunk` (or completions chunk): text, reasoning and
 * tool-call pieces of the first choice; its finish reason and the usage are kept for the end.
 */
export function* chunkEvents(chunk: Json, state: FinishState): Generator<ChatEvent> {
  const message = errorOf(chunk);
  if (message !== undefined) {
    state.failed = true;
    yield { type: "error", message };
    return;
  }
  const usage = usageOf(chunk.usage);
  if (usage) state.usage = usage;
  const choices = chunk.choices;
  if (!Array.isArray(choices)) return;
  // With `n` > 1 each choice streams on its own; the first is the answer.
  const choice = object(choices.find((c) => (object(c)?.index ?? 0) === 0));
  if (!choice) return;
  const delta = object(choice.delta);
  const reasoning = string(delta?.reasoning_content) ?? string(delta?.reasoning);
  if (reasoning) yield { type: "reasoning-delta", text: reasoning };
  const text = delta ? string(delta.content) : string(choice.text);
  if (text) yield { type: "text-delta", text };
  const calls = delta?.tool_calls;
  if (Array.isArray(calls)) {
    for (const value of calls) {
      const call = object(value);
      const fn = object(call?.function);
      const event: ChatEvent = {
        type: "tool-call-delta",
        index: number(call?.index) ?? 0,
        argumentsDelta: string(fn?.arguments) ?? "",
      };
      const id = string(call?.id);
      const name = string(fn?.name);
      if (id) event.id = id;
      if (name) event.name = name;
      yield event;
    }
  }
  const reason = string(choice.finish_reason);
  if (reason) {
    state.rawReason = reason;
    if (reason === "error") {
      state.failed = true;
      yield { type: "error", message: 'The model stopped with finish_reason "error".' };
    }
  }
}
