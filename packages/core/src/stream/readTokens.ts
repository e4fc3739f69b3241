import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";
import { readLines } from "./readLines";

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
 */
export async function* readTokens(
  body: AsyncIterable<ResponseStreamEvent>,
): AsyncGenerator<string, void, undefined> {
  let sawTokens = false;
  for await (const raw of readLines(body)) {
    const line = raw.startsWith("data:") ? raw.slice(5).trim() : raw.trim();
    if (line === "" || line.startsWith(":") || !line.startsWith("{")) {
      if (line === "[DONE]") return;
      continue;
    }
    let event: Json;
    try {
      event = JSON.parse(line) as Json;
    } catch {
      continue;
    }
    const isWhole = at(event, "token") === undefined && at(event, "choices") === undefined;
    if (isWhole && sawTokens) continue;
    const piece = extractTokenText(event);
    if (!isWhole) sawTokens = true;
    if (piece) yield piece;
  }
}
