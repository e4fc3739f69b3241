import type { ChatFinishReason } from "../types";

// OpenAI's words, TGI's and LMI's (`eos_token`, `stop_sequence`), vLLM's `abort`.
const REASONS: Record<string, ChatFinishReason> = {
  stop: "stop",
  eos_token: "stop",
  stop_sequence: "stop",
  length: "length",
  tool_calls: "tool-calls",
  function_call: "tool-calls",
  content_filter: "content-filter",
  error: "error",
};

/** The AI SDK's name for a container's finish reason; `other` for words it does not know. */
export const finishReasonOf = (raw: string): ChatFinishReason => REASONS[raw] ?? "other";
