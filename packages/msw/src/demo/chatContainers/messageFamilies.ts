import type { ModelFn, ModelRequest } from "../../handlers/model-types";
import { jsonBody, replyTo, type TurnInput, tokenLimit } from "./chatTurn";
import { openAiChunks, openAiCompletion } from "./openAiShapes";
import { paced } from "./paced";

/** How a family that takes OpenAI Chat Completions bodies streams its chunks. */
type Framing = "sse" | "sse-no-space" | "jsonl";

const MODEL = "demo/llama-3.1-8b-instruct";

function turnInput(request: ModelRequest): TurnInput {
  const body = jsonBody(request);
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const tools = Array.isArray(body.tools)
    ? body.tools.map((t: { function?: { name?: unknown } }) => String(t?.function?.name ?? ""))
    : [];
  const options = body.stream_options as { include_usage?: unknown } | undefined;
  return {
    messages,
    tools,
    // vLLM and LMI read `max_tokens`; newer OpenAI clients send `max_completion_tokens`.
    maxTokens: tokenLimit(body.max_completion_tokens) ?? tokenLimit(body.max_tokens),
    stream: body.stream === true,
    includeUsage: options?.include_usage === true,
  };
}

/**
 * A container that takes an OpenAI Chat Completions body: TGI's Messages API (`data:` SSE),
 * LMI's chat (JSON Lines, no `[DONE]`; its in-band error on request), vLLM and SGLang
 * (`data: ` SSE). Not streamed (`"stream"` absent or false, or InvokeEndpoint): one
 * `chat.completion`.
 */
export function messagesModel(framing: Framing, paceMs: number): ModelFn {
  return (request) => {
    const input = turnInput(request);
    const reply = replyTo(input, request);
    const who = {
      id: `chatcmpl-demo-${request.invocation}`,
      model: MODEL,
      created: 1_764_921_600 + request.invocation,
    };
    const streaming = input.stream && request.operation !== "InvokeEndpoint";
    if (!streaming) return { body: openAiCompletion(reply, who) };
    const failAfterFirst = framing === "jsonl" && reply.failMidStream;
    const chunks = openAiChunks(reply, who, { includeUsage: input.includeUsage, failAfterFirst });
    if (framing === "jsonl") {
      const lines = chunks.map((c) => `${JSON.stringify(c)}\n`);
      return { stream: paced(lines, paceMs), contentType: "application/jsonlines" };
    }
    const prefix = framing === "sse" ? "data: " : "data:";
    const events = [...chunks.map((c) => JSON.stringify(c)), "[DONE]"].map(
      (data) => `${prefix}${data}\n\n`,
    );
    return { stream: paced(events, paceMs), contentType: "text/event-stream" };
  };
}
