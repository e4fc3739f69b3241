import {
  type InvokeEndpointWithResponseStreamCommandOutput,
  type ResponseStreamEvent,
  readTextChunks,
  readTokens,
} from "@sagefetch/core";

/**
 * How a stream's parts become the text pieces of an answer: `"tokens"` reads the generated text
 * of TGI, LMI, vLLM and OpenAI-style events (`readTokens`), `"text"` the raw text (UTF-8 decoded
 * across parts), `"auto"` tokens for `text/event-stream` and JSON Lines answers and text
 * otherwise; or a reader of your own, e.g. core's `readSseData` or `readLines`.
 */
export type StreamFormat =
  | "auto"
  | "tokens"
  | "text"
  | ((body: AsyncIterable<ResponseStreamEvent>) => AsyncIterable<string>);

// Matches JSON Lines types too (`application/jsonlines`, `application/jsonl`).
const TOKEN_TYPES = /event-stream|jsonl|ndjson/i;

export function readPieces(
  format: StreamFormat,
  output: Pick<InvokeEndpointWithResponseStreamCommandOutput, "Body" | "ContentType">,
): AsyncIterable<string> {
  if (typeof format === "function") return format(output.Body);
  const tokens =
    format === "tokens" || (format === "auto" && TOKEN_TYPES.test(output.ContentType ?? ""));
  return tokens ? readTokens(output.Body) : readTextChunks(output.Body);
}
