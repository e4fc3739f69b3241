import { type ChatBody, iterateBody } from "../stream/iterateBody";
import { chatLineParser } from "./internal/chatLineParser";
import type { ChatEvent, ChatStreamFormat } from "./types";

export interface ReadChatEventsOptions {
  /**
   * The stream's format, when you know it.
   * @default detected from the first line that holds data
   */
  format?: ChatStreamFormat;
}

/**
 * The typed events of a chat model's response stream, whatever container streamed it: `start`
 * (with the format), `text-delta`, `reasoning-delta`, `tool-call-delta`, an in-band `error`,
 * and one `finish` with the reason and usage. Lines are whole however the parts cut them;
 * `\r\n`, blank keep-alive lines, SSE comments and `data: [DONE]` are handled. A stream that
 * matches no format (an empty one too) throws a `ChatStreamError`. Takes the `Body` of
 * `InvokeEndpointWithResponseStream`, bytes, or a fetch `Response.body` (the OpenAI route's).
 * @example
 * for await (const event of readChatEvents(out.Body)) {
 *   if (event.type === "text-delta") show(event.text);
 * }
 */
export async function* readChatEvents(
  body: ChatBody,
  options: ReadChatEventsOptions = {},
): AsyncGenerator<ChatEvent, void, undefined> {
  const parser = chatLineParser(options.format);
  const { events } = parser;
  const decoder = new TextDecoder();
  let pending = "";
  let over = false;
  let failure: unknown;
  // One loop, lines split in place: each layer of async generators would cost every token a
  // promise more (this reader runs at about the speed of a bare split-and-JSON.parse).
  for await (const part of iterateBody(body)) {
    const bytes = part instanceof Uint8Array ? part : part.PayloadPart?.Bytes;
    pending += decoder.decode(bytes, { stream: true });
    let start = 0;
    try {
      for (let end = pending.indexOf("\n"); end >= 0 && !over; end = pending.indexOf("\n", start)) {
        const cr = end > start && pending.charCodeAt(end - 1) === 13 ? 1 : 0;
        over = parser.line(pending.slice(start, end - cr));
        start = end + 1;
      }
    } catch (error) {
      failure = error;
    }
    pending = over ? "" : pending.slice(start);
    // What the part's earlier lines gave comes out before a later line's error.
    for (const event of events) yield event;
    events.length = 0;
    if (failure !== undefined) throw failure;
    if (over) break;
  }
  pending += decoder.decode();
  if (!over && pending) parser.line(pending.replace(/\r$/, ""));
  parser.end();
  yield* events;
}
