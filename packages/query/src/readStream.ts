import {
  type ChatEvent,
  type InvokeEndpointWithResponseStreamCommandOutput,
  type ResponseStreamEvent,
  readChatEvents,
  readTextChunks,
  readTokens,
} from "@sagefetch/core";

/**
 * How a stream's parts are read: `"tokens"` as a chat model's stream (TGI, LMI, vLLM, SGLang
 * and OpenAI-style events, through core's `readChatEvents`), `"text"` as raw text (UTF-8 decoded
 * across parts), `"auto"` as tokens for `text/event-stream` and JSON Lines answers and as text
 * otherwise; or a reader of your own, e.g. core's `readSseData` or `readLines`.
 */
export type StreamFormat =
  | "auto"
  | "tokens"
  | "text"
  | ((body: AsyncIterable<ResponseStreamEvent>) => AsyncIterable<string>);

/** What a stream reader needs of `InvokeEndpointWithResponseStream`'s output. */
export type StreamOutput = Pick<
  InvokeEndpointWithResponseStreamCommandOutput,
  "Body" | "ContentType"
>;

// Matches JSON Lines types too (`application/jsonlines`, `application/jsonl`).
const TOKEN_TYPES = /event-stream|jsonl|ndjson/i;

/** Whether `format` reads the stream as a chat model's (a reader of one's own gives text). */
const readsTokens = (format: StreamFormat, output: StreamOutput) =>
  format === "tokens" || (format === "auto" && TOKEN_TYPES.test(output.ContentType ?? ""));

/**
 * A stream's events, read as `format` says: read as tokens, core's chat events (`start`,
 * `text-delta`, `reasoning-delta`, `tool-call-delta`, an in-band `error`, and a `finish` with
 * the container's reason and usage); read as text or by a reader of one's own, a `text-delta`
 * per piece and nothing else.
 * @example
 * for await (const event of readStreamEvents("auto", await client.send(command))) {
 *   if (event.type === "finish") console.log(event.reason, event.usage);
 * }
 */
export function readStreamEvents(
  format: StreamFormat,
  output: StreamOutput,
): AsyncIterable<ChatEvent> {
  return typeof format !== "function" && readsTokens(format, output)
    ? readChatEvents(output.Body)
    : textDeltas(typeof format === "function" ? format(output.Body) : readTextChunks(output.Body));
}

async function* textDeltas(pieces: AsyncIterable<string>): AsyncGenerator<ChatEvent> {
  for await (const text of pieces) yield { type: "text-delta", text };
}

/**
 * A stream's text pieces, read as `format` says: tokens (an error the container reports in the
 * stream thrown as a `ChatStreamError`), text chunks, or what a reader of one's own gives.
 */
export function readStreamPieces(
  format: StreamFormat,
  output: StreamOutput,
): AsyncIterable<string> {
  if (typeof format === "function") return format(output.Body);
  return readsTokens(format, output) ? readTokens(output.Body) : readTextChunks(output.Body);
}
