import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";
import { readLines } from "./readLines";

/**
 * The `data` of each server-sent event in the stream (Hugging Face TGI, LMI and vLLM
 * containers stream `data: {...}` lines): `data:` lines joined by `\n`, one value per event,
 * comments and other fields skipped, and the stream ends at OpenAI's `data: [DONE]`.
 */
export async function* readSseData(
  body: AsyncIterable<ResponseStreamEvent>,
): AsyncGenerator<string, void, undefined> {
  let data: string[] = [];
  for await (const line of readLines(body)) {
    if (line === "") {
      if (data.length > 0) {
        const value = data.join("\n");
        data = [];
        if (value === "[DONE]") return;
        yield value;
      }
    } else if (line.startsWith("data:") || line === "data") {
      // A field name alone is that field with an empty value (`data` adds an empty line).
      data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
    }
  }
  const value = data.join("\n");
  if (data.length > 0 && value !== "[DONE]") yield value;
}
