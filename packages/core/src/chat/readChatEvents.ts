import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";
import { readLines } from "../stream/readLines";
import { ChatStreamError } from "./ChatStreamError";
import { chunkEvents, errorOf } from "./internal/chunkEvents";
import { finishReasonOf } from "./internal/finishReason";
import { type Json, object, string } from "./internal/json";
import { tokenEvents } from "./internal/tokenEvents";
import type { ChatEvent, ChatStreamFormat } from "./types";

export interface ReadChatEventsOptions {
  /**
   * The stream's format, when you know it.
   * @default detected from the first line that holds data
   */
  format?: ChatStreamFormat;
}

/** OpenAI-shaped (`choices`, `chat.completion.chunk`) or token-shaped (TGI, LMI `inputs`). */
function shapeOf(event: Json): "chat" | "tokens" | undefined {
  if (Array.isArray(event.choices) || string(event.object)?.startsWith("chat.completion"))
    return "chat";
  if ("token" in event || "generated_text" in event) return "tokens";
  return undefined;
}

const unknown = () =>
  new ChatStreamError(
    "unknownFormat",
    "readChatEvents: the stream matches no chat format (TGI or LMI tokens, OpenAI chunks, as SSE or JSON Lines).",
  );

/**
 * The typed events of a chat model's response stream, whatever container streamed it: `start`
 * (with the format), `text-delta`, `reasoning-delta`, `tool-call-delta`, an in-band `error`,
 * and one `finish` with the reason and usage. Lines are whole however the parts cut them;
 * `\r\n`, blank keep-alive lines, SSE comments and `data: [DONE]` are handled. A stream that
 * matches no format (an empty one too) throws a `ChatStreamError`. Takes the `Body` of
 * `InvokeEndpointWithResponseStream`, or bytes (the OpenAI route's `Response.body`).
 * @example
 * for await (const event of readChatEvents(out.Body)) {
 *   if (event.type === "text-delta") show(event.text);
 * }
 */
export async function* readChatEvents(
  body: AsyncIterable<ResponseStreamEvent | Uint8Array>,
  options: ReadChatEventsOptions = {},
): AsyncGenerator<ChatEvent, void, undefined> {
  const given = options.format;
  let format = given;
  let shape = given && (given.endsWith("chat") ? "chat" : "tokens");
  const state: Parameters<typeof tokenEvents>[1] = {};
  let started = false;
  for await (const line of readLines(body)) {
    const sse = line.startsWith("data:");
    const data = sse ? line.slice(5).trim() : line.trim();
    if (data === "[DONE]") break;
    // Blank keep-alives, SSE comments and fields other than `data`.
    if (!data.startsWith("{")) {
      if (data === "" || data.startsWith(":") || /^(event|id|retry):/.test(data) || started)
        continue;
      throw unknown();
    }
    let event: Json | undefined;
    try {
      event = object(JSON.parse(data));
    } catch {
      // An unfinished last line, or another format's: neither is a chat event.
    }
    if (event === undefined) {
      if (!started) throw unknown();
      throw new ChatStreamError("malformed", `readChatEvents: a ${format} line is not valid JSON.`);
    }
    if (!started) {
      shape ??= shapeOf(event);
      if (shape === undefined) {
        // A stream that fails before its first event: no format to name, but the error is real.
        const message = errorOf(event);
        if (message === undefined) throw unknown();
        yield { type: "error", message };
        yield { type: "finish", reason: "error", rawReason: "error" };
        return;
      }
      format ??= `${sse ? "sse" : "jsonl"}-${shape}` as ChatStreamFormat;
      started = true;
      const id = string(event.id);
      const model = string(event.model);
      yield { type: "start", format, ...(id && { id }), ...(model && { model }) };
    }
    yield* shape === "chat" ? chunkEvents(event, state) : tokenEvents(event, state);
    if (state.failed) break;
  }
  if (!started && !state.failed) throw unknown();
  const { rawReason, usage } = state;
  yield {
    type: "finish",
    reason: state.failed ? "error" : rawReason ? finishReasonOf(rawReason) : "other",
    ...(rawReason && { rawReason }),
    ...(usage && { usage }),
  };
}
