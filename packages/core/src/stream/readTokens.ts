import { ChatStreamError } from "../chat/ChatStreamError";
import { readChatEvents } from "../chat/readChatEvents";
import type { ChatBody } from "./iterateBody";

type Json = Record<string, unknown> | undefined;
const at = (value: unknown, key: string | number): unknown =>
  value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * The generated text in one streamed event, for the shapes the common containers emit:
 * `token.text` (Hugging Face TGI, LMI; special tokens skipped), `choices[0].delta.content`
 * (OpenAI-style chat, vLLM), `choices[0].text` (completions), `generated_text` and
 * `outputs[0]`/`outputs` (whole answers).
 */
export function extractTokenText(event: unknown): string | undefined {
  const token = at(event, "token");
  if (token !== undefined)
    return at(token, "special") === true ? "" : (text(at(token, "text")) ?? "");
  const choice = at(at(event, "choices"), 0);
  if (choice !== undefined)
    return text(at(at(choice, "delta"), "content")) ?? text(at(choice, "text")) ?? "";
  const outputs = at(event as Json, "outputs");
  return text(at(event, "generated_text")) ?? text(at(outputs, 0)) ?? text(outputs);
}

/**
 * The generated text, piece by piece, of any chat stream `readChatEvents` reads (TGI, LMI,
 * vLLM, SGLang; SSE or JSON Lines): its `text-delta` events. An error the container reports in
 * the stream is thrown as a `ChatStreamError`, as is a stream of no known format.
 */
export async function* readTokens(body: ChatBody): AsyncGenerator<string, void, undefined> {
  for await (const event of readChatEvents(body)) {
    if (event.type === "text-delta") yield event.text;
    else if (event.type === "error") {
      throw new ChatStreamError("modelError", `The model reported an error: ${event.message}`);
    }
  }
}
