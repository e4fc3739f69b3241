import { modelError } from "../handlers/ModelContainerError";
import type { ModelFn, ModelRequest } from "../handlers/modelTypes";

interface Turn {
  user: string;
  assistant: string;
}

interface ChatInput {
  prompt: string;
  maxNewTokens: number;
}

const DEFAULT_MAX_NEW_TOKENS = 64;
/** The end-of-sequence token a Llama-style tokenizer ends with. */
const EOS = { id: 2, text: "</s>", special: true };

/** A token id for a piece of text: FNV-1a, folded into a 32,000-entry vocabulary. */
export function tokenId(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return 3 + ((hash >>> 0) % 31_997);
}

/** The reply to `prompt` after `history`: fixed text, so tests can expect it. */
export function chatReply(prompt: string, history: readonly Turn[]): string {
  const turn = history.length + 1;
  const earlier = history.at(-1);
  const recall = earlier === undefined ? "" : ` Before that you said "${earlier.user}".`;
  return `Turn ${turn}: you said "${prompt}".${recall}`;
}

function inputOf(request: ModelRequest): ChatInput {
  const text = request.text();
  if (!request.contentType?.includes("json") && !/^\s*\{/.test(text)) {
    return { prompt: text, maxNewTokens: DEFAULT_MAX_NEW_TOKENS };
  }
  let body: { inputs?: unknown; parameters?: { max_new_tokens?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw modelError(400, "Body is not valid JSON");
  }
  if (typeof body.inputs !== "string") throw modelError(422, 'Expected {"inputs": string}');
  const max = body.parameters?.max_new_tokens;
  return {
    prompt: body.inputs,
    maxNewTokens: typeof max === "number" && max > 0 ? Math.floor(max) : DEFAULT_MAX_NEW_TOKENS,
  };
}

/** One server-sent event: `data: <json>` and a blank line. */
function sse(event: unknown): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

/**
 * A text-generation model in the style of Hugging Face TGI. InvokeEndpoint answers
 * `[{"generated_text": ...}]`; the stream operation sends one PayloadPart per token, each an
 * SSE event `data: {"token": {"id", "text", "special": false}, "generated_text": null}`, then
 * `</s>` with the whole `generated_text` (or, cut by `max_new_tokens`, the last token carries
 * it). In a stateful session the reply remembers the previous turn.
 */
export const chatModel: ModelFn = (request) => {
  const { prompt, maxNewTokens } = inputOf(request);
  const state = request.session?.state;
  const history = (state?.history as Turn[] | undefined) ?? [];
  const words = chatReply(prompt, history).match(/\s*\S+/g) ?? [];
  const tokens = words.slice(0, maxNewTokens);
  const generated = tokens.join("");
  if (state !== undefined) state.history = [...history, { user: prompt, assistant: generated }];
  if (request.operation !== "InvokeEndpointWithResponseStream") {
    return { body: [{ generated_text: generated }] };
  }
  const cut = words.length > tokens.length;
  const events = tokens.map((text, i) =>
    sse({
      token: { id: tokenId(text), text, special: false },
      generated_text: cut && i === tokens.length - 1 ? generated : null,
    }),
  );
  if (!cut) events.push(sse({ token: EOS, generated_text: generated }));
  return { stream: events, contentType: "text/event-stream" };
};
