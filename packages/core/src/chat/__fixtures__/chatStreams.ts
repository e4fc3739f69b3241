// What each container family streams, in the shapes of their documentation and of recorded
// streams (djl-serving's chat and LMI input/output schemas, TGI's streaming and Messages API,
// vLLM's SageMaker router). Each stream ends as its container ends it.
import type { ChatEvent } from "../types";

const sse = (events: unknown[], end = "") =>
  events.map((e) => `data:${JSON.stringify(e)}\n\n`).join("") + end;
const jsonl = (events: unknown[]) => events.map((e) => `${JSON.stringify(e)}\n`).join("");
const chunk = (delta: object, finish: string | null = null, extra: object = {}) => ({
  id: "chatcmpl-7f3",
  object: "chat.completion.chunk",
  created: 1_764_921_600,
  model: "meta-llama/Llama-3.1-8B-Instruct",
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  ...extra,
});

export interface ChatStreamFixture {
  text: string;
  events: ChatEvent[];
}

/** TGI, `inputs` API: SSE token events; the last, special, carries `generated_text` and details. */
export const tgiInputs: ChatStreamFixture = {
  text: sse([
    {
      index: 1,
      token: { id: 415, text: " Paris", logprob: -0.5, special: false },
      generated_text: null,
      details: null,
    },
    {
      index: 2,
      token: { id: 2936, text: " café ☕", logprob: -0.1, special: false },
      generated_text: null,
      details: null,
    },
    {
      index: 3,
      token: { id: 2, text: "</s>", logprob: 0, special: true },
      generated_text: " Paris café ☕",
      details: { finish_reason: "eos_token", generated_tokens: 3, seed: null },
    },
  ]),
  events: [
    { type: "start", format: "sse-tokens" },
    { type: "text-delta", text: " Paris" },
    { type: "text-delta", text: " café ☕" },
    { type: "finish", reason: "stop", rawReason: "eos_token", usage: { completionTokens: 3 } },
  ],
};

/** TGI, Messages API: OpenAI chunks as SSE, usage last, `data: [DONE]`. */
export const tgiMessages: ChatStreamFixture = {
  text: sse(
    [
      chunk({ role: "assistant", content: "Bon" }),
      chunk({ role: "assistant", content: "jour" }),
      chunk({ role: "assistant", content: "" }, "length"),
      {
        ...chunk({}),
        choices: [],
        usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
      },
    ],
    "data: [DONE]\n\n",
  ),
  events: [
    {
      type: "start",
      format: "sse-chat",
      id: "chatcmpl-7f3",
      model: "meta-llama/Llama-3.1-8B-Instruct",
    },
    { type: "text-delta", text: "Bon" },
    { type: "text-delta", text: "jour" },
    {
      type: "finish",
      reason: "length",
      rawReason: "length",
      usage: { promptTokens: 12, completionTokens: 2, totalTokens: 14 },
    },
  ],
};

/** LMI, Messages API (tool parser on): JSON Lines of chunks, a tool call's arguments in pieces. */
export const lmiChatToolCall: ChatStreamFixture = {
  text: jsonl([
    chunk({ role: "assistant", content: "" }),
    chunk({
      tool_calls: [
        {
          index: 0,
          id: "call_1",
          type: "function",
          function: { name: "get_weather", arguments: "" },
        },
      ],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city": ' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
    chunk({}, "tool_calls", {
      usage: { prompt_tokens: 40, completion_tokens: 9, total_tokens: 49 },
    }),
  ]),
  events: [
    {
      type: "start",
      format: "jsonl-chat",
      id: "chatcmpl-7f3",
      model: "meta-llama/Llama-3.1-8B-Instruct",
    },
    { type: "tool-call-delta", index: 0, id: "call_1", name: "get_weather", argumentsDelta: "" },
    { type: "tool-call-delta", index: 0, argumentsDelta: '{"city": ' },
    { type: "tool-call-delta", index: 0, argumentsDelta: '"Paris"}' },
    {
      type: "finish",
      reason: "tool-calls",
      rawReason: "tool_calls",
      usage: { promptTokens: 40, completionTokens: 9, totalTokens: 49 },
    },
  ],
};

/** LMI, `inputs` style: JSON Lines, `log_prob` (rolling batch) and `logprob`/`index` (async mode). */
export const lmiTokens: ChatStreamFixture = {
  text: jsonl([
    { token: { id: [1], text: "日本", log_prob: -0.3 } },
    { token: { id: 2, text: "語", logprob: -0.2, index: 1 } },
    {
      token: { id: [3], text: "!", log_prob: -0.1 },
      generated_text: "日本語!",
      details: { finish_reason: "length", generated_tokens: 3, inputs: "hi" },
    },
  ]),
  events: [
    { type: "start", format: "jsonl-tokens" },
    { type: "text-delta", text: "日本" },
    { type: "text-delta", text: "語" },
    { type: "text-delta", text: "!" },
    { type: "finish", reason: "length", rawReason: "length", usage: { completionTokens: 3 } },
  ],
};

/** LMI reports an error after the first token inside the 200 stream: token id −1. */
export const lmiMidStreamError: ChatStreamFixture = {
  text: jsonl([
    { token: { id: [7], text: "Once", log_prob: -0.4 } },
    {
      token: { id: [-1], text: "CUDA out of memory", log_prob: -1, special: true },
      generated_text: null,
      details: { finish_reason: "error", generated_tokens: 1 },
    },
    { token: { id: [8], text: "never read", log_prob: -0.1 } },
  ]),
  events: [
    { type: "start", format: "jsonl-tokens" },
    { type: "text-delta", text: "Once" },
    { type: "error", message: "CUDA out of memory" },
    { type: "finish", reason: "error", rawReason: "error" },
  ],
};

/** LMI with the SSE output formatter: the same token objects behind `data:`. */
export const lmiSseTokens: ChatStreamFixture = {
  text: sse([
    { token: { id: [5], text: "Hi", log_prob: -0.2 } },
    {
      token: { id: [6], text: " there", log_prob: -0.3 },
      generated_text: "Hi there",
      details: { finish_reason: "eos_token", generated_tokens: 2 },
    },
  ]),
  events: [
    { type: "start", format: "sse-tokens" },
    { type: "text-delta", text: "Hi" },
    { type: "text-delta", text: " there" },
    { type: "finish", reason: "stop", rawReason: "eos_token", usage: { completionTokens: 2 } },
  ],
};

/**
 * vLLM's SageMaker container: `data: ` with a space, CRLF line ends, keep-alive comments and
 * blank lines, reasoning text before the answer, `[DONE]` (anything after it is not read).
 */
export const vllmSse: ChatStreamFixture = {
  text: [
    ": keep-alive\r\n\r\n",
    `data: ${JSON.stringify(chunk({ role: "assistant", reasoning_content: "2+2…" }))}\r\n\r\n`,
    "\r\n",
    `data: ${JSON.stringify(chunk({ content: "4 👋" }))}\r\n\r\n`,
    `data: ${JSON.stringify(chunk({}, "stop"))}\r\n\r\n`,
    "data: [DONE]\r\n\r\n",
    `data: ${JSON.stringify(chunk({ content: "after done" }))}\r\n\r\n`,
  ].join(""),
  events: [
    {
      type: "start",
      format: "sse-chat",
      id: "chatcmpl-7f3",
      model: "meta-llama/Llama-3.1-8B-Instruct",
    },
    { type: "reasoning-delta", text: "2+2…" },
    { type: "text-delta", text: "4 👋" },
    { type: "finish", reason: "stop", rawReason: "stop" },
  ],
};

/** SGLang: OpenAI SSE; two parallel tool calls interleaved by index. */
export const sglangToolCalls: ChatStreamFixture = {
  text: sse(
    [
      chunk({
        role: "assistant",
        content: null,
        tool_calls: [
          {
            index: 0,
            id: "call_a",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":' },
          },
        ],
      }),
      chunk({
        tool_calls: [
          {
            index: 1,
            id: "call_b",
            type: "function",
            function: { name: "get_time", arguments: "{}" },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] }),
      chunk({}, "tool_calls"),
    ],
    "data: [DONE]\n\n",
  ),
  events: [
    {
      type: "start",
      format: "sse-chat",
      id: "chatcmpl-7f3",
      model: "meta-llama/Llama-3.1-8B-Instruct",
    },
    {
      type: "tool-call-delta",
      index: 0,
      id: "call_a",
      name: "get_weather",
      argumentsDelta: '{"city":',
    },
    { type: "tool-call-delta", index: 1, id: "call_b", name: "get_time", argumentsDelta: "{}" },
    { type: "tool-call-delta", index: 0, argumentsDelta: '"Oslo"}' },
    { type: "finish", reason: "tool-calls", rawReason: "tool_calls" },
  ],
};

/** An OpenAI-shaped container failing mid-stream with an `error` object (vLLM). */
export const vllmErrorObject: ChatStreamFixture = {
  text: sse([
    chunk({ role: "assistant", content: "Par" }),
    { object: "error", message: "The engine died", type: "InternalServerError", code: 500 },
  ]),
  events: [
    {
      type: "start",
      format: "sse-chat",
      id: "chatcmpl-7f3",
      model: "meta-llama/Llama-3.1-8B-Instruct",
    },
    { type: "text-delta", text: "Par" },
    { type: "error", message: "The engine died" },
    { type: "finish", reason: "error" },
  ],
};

export const CHAT_STREAMS: Record<string, ChatStreamFixture> = {
  tgiInputs,
  tgiMessages,
  lmiChatToolCall,
  lmiTokens,
  lmiMidStreamError,
  lmiSseTokens,
  vllmSse,
  sglangToolCalls,
  vllmErrorObject,
};
