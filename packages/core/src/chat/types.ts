/**
 * How a container streams, by its framing and what each line holds:
 * - `sse-tokens`: `data:{"token":{…},"generated_text":…}` — TGI's `inputs` API, LMI with the
 *   SSE output formatter;
 * - `sse-chat`: `data: {chat.completion.chunk}` ending with `data: [DONE]` — TGI's Messages
 *   API, vLLM's and SGLang's SageMaker containers, LMI with the SSE formatter on chat requests;
 * - `jsonl-tokens`: `{"token":{"id","text","log_prob"}}` lines — LMI's `inputs` style;
 * - `jsonl-chat`: `{chat.completion.chunk}` lines, no `data:`, no `[DONE]` — LMI's Messages API.
 */
export type ChatStreamFormat = "sse-tokens" | "sse-chat" | "jsonl-tokens" | "jsonl-chat";

/** Why generation stopped, as the AI SDK names it; `other` when the container did not say. */
export type ChatFinishReason =
  | "stop"
  | "length"
  | "tool-calls"
  | "content-filter"
  | "error"
  | "other";

/** Token counts, when the container reports them (`stream_options.include_usage`, TGI details). */
export interface ChatUsage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
}

/** One thing that happened in a chat stream. */
export type ChatEvent =
  /** First, once the format is known; `id` and `model` when the container names them. */
  | { type: "start"; format: ChatStreamFormat; id?: string; model?: string }
  | { type: "text-delta"; text: string }
  /** Reasoning text, from containers that separate it (`delta.reasoning_content`). */
  | { type: "reasoning-delta"; text: string }
  /**
   * A piece of a tool call: `index` says which call; `id` and `name` come with its first piece,
   * `argumentsDelta` is the next piece of its JSON arguments' text (often empty at first).
   */
  | { type: "tool-call-delta"; index: number; id?: string; name?: string; argumentsDelta: string }
  /**
   * An error the container reported inside a stream that had started well (LMI's token id −1,
   * `finish_reason: "error"`, an `error` object); a `finish` with reason `error` follows.
   */
  | { type: "error"; message: string }
  /** Last, once: why it stopped (`rawReason` is the container's word) and the usage. */
  | { type: "finish"; reason: ChatFinishReason; rawReason?: string; usage?: ChatUsage };
