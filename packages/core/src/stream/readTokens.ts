import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";
import { readLines } from "./readLines";
import { TokenFormatError } from "./TokenFormatError";

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
  const outputs = at(event, "outputs");
  return text(at(event, "generated_text")) ?? text(at(outputs, 0)) ?? text(outputs);
}

/**
 * The generated text, token by token, from SSE (`data: {...}`) or JSON Lines streams. A
 * whole-answer event after token events (TGI ends with `generated_text`) is not repeated.
 * Throws `TokenFormatError` once the stream shows it is in no such format: its first line
 * that holds data is not JSON, or it ends with no event of a known shape (rather than giving
 * nothing, which a page would show as an empty answer).
 */
export async function* readTokens(
  body: AsyncIterable<ResponseStreamEvent>,
): AsyncGenerator<string, void, undefined> {
  let sawTokens = false;
  let recognized = false;
  let sawData = false;
  for await (const raw of readLines(body)) {
    const line = raw.startsWith("data:") ? raw.slice(5).trim() : raw.trim();
    // Blank lines, SSE comments and SSE fields other than data carry no tokens.
    if (line === "" || line.startsWith(":") || /^(?:event|id|retry):/.test(raw)) continue;
    if (line === "[DONE]") return;
    let event: Json;
    try {
      event = JSON.parse(line) as Json;
    } catch {
      event = undefined;
    }
    if (!sawData && (event === null || typeof event !== "object")) {
      throw notTokens("its first line is not a JSON event");
    }
    sawData = true;
    if (event === null || typeof event !== "object") continue;
    const isWhole = at(event, "token") === undefined && at(event, "choices") === undefined;
    if (isWhole && sawTokens) continue;
    const piece = extractTokenText(event);
    if (piece !== undefined) recognized = true;
    if (!isWhole) sawTokens = true;
    if (piece) yield piece;
  }
  if (sawData && !recognized) throw notTokens("none of its events has a known token shape");
}

const notTokens = (why: string) =>
  new TokenFormatError({
    message: `readTokens: the stream is in no token format it knows (${why}); read it with readTextChunks or readLines.`,
  });
