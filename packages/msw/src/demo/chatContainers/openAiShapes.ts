import { completionTokens, type TurnReply } from "./chatTurn";

/** What every chunk and completion of one answer shares. */
export interface AnswerIdentity {
  id: string;
  model: string;
  created: number;
}

const usageOf = (reply: TurnReply) => {
  const completion = completionTokens(reply);
  return {
    prompt_tokens: reply.promptTokens,
    completion_tokens: completion,
    total_tokens: reply.promptTokens + completion,
  };
};

/**
 * The `chat.completion.chunk` objects of a streamed answer, as vLLM streams them: the role
 * first, then content (or a tool call: id and name, then its arguments in pieces), a last
 * choice with the finish reason, and with `include_usage` a chunk of usage and no choices.
 * `failAfterFirst`: a chunk with `finish_reason: "error"` right after the first token (LMI).
 */
export function openAiChunks(
  reply: TurnReply,
  who: AnswerIdentity,
  { includeUsage, failAfterFirst = false }: { includeUsage: boolean; failAfterFirst?: boolean },
): object[] {
  const chunk = (delta: object, finish: string | null = null) => ({
    ...who,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const chunks: object[] = [chunk({ role: "assistant", content: "" })];
  if (reply.kind === "text") {
    for (const [i, token] of reply.tokens.entries()) {
      chunks.push(chunk({ content: token }));
      if (i === 0 && failAfterFirst) return [...chunks, chunk({ content: "" }, "error")];
    }
    chunks.push(chunk({}, reply.finish));
  } else {
    const call = {
      index: 0,
      id: reply.id,
      type: "function",
      function: { name: reply.name, arguments: "" },
    };
    chunks.push(chunk({ tool_calls: [call] }));
    for (const piece of reply.argumentPieces) {
      chunks.push(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
    }
    chunks.push(chunk({}, "tool_calls"));
  }
  if (includeUsage) chunks.push({ ...chunk({}), choices: [], usage: usageOf(reply) });
  return chunks;
}

/** The `chat.completion` of an answer that is not streamed, usage included. */
export function openAiCompletion(reply: TurnReply, who: AnswerIdentity): object {
  const message =
    reply.kind === "text"
      ? { role: "assistant", content: reply.tokens.join("") }
      : {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: reply.id,
              type: "function",
              function: { name: reply.name, arguments: reply.argumentPieces.join("") },
            },
          ],
        };
  return {
    ...who,
    object: "chat.completion",
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: reply.kind === "text" ? reply.finish : "tool_calls",
      },
    ],
    usage: usageOf(reply),
  };
}
