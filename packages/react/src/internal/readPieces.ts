import {
  type InvokeEndpointWithResponseStreamCommandOutput,
  type ResponseStreamEvent,
  readTextChunks,
  readTokens,
} from "@sagefetch/core";

export type StreamOutput = Pick<
  InvokeEndpointWithResponseStreamCommandOutput,
  "Body" | "ContentType"
>;

/**
 * How a stream's parts become the pieces a hook shows: `"tokens"` reads the generated text of
 * TGI, LMI, vLLM and OpenAI-style events (`readTokens`), `"text"` the raw text (UTF-8 decoded
 * across parts), `"auto"` tokens for `text/event-stream` and JSON Lines answers and text
 * otherwise; or a reader of your own, e.g. core's `readSseData` or `readLines`.
 */
export type PieceFormat =
  | "auto"
  | "tokens"
  | "text"
  | ((body: AsyncIterable<ResponseStreamEvent>) => AsyncIterable<string>);

// Matches JSON Lines types too (`application/jsonlines`, `application/jsonl`).
const TOKEN_TYPES = /event-stream|jsonl|ndjson/i;

export function readPieces(format: PieceFormat, output: StreamOutput): AsyncIterable<string> {
  if (typeof format === "function") return format(output.Body);
  const tokens =
    format === "tokens" || (format === "auto" && TOKEN_TYPES.test(output.ContentType ?? ""));
  return tokens ? readTokens(output.Body) : readTextChunks(output.Body);
}
