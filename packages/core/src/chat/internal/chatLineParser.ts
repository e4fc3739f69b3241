import { ChatStreamError } from "../ChatStreamError";
import type { ChatEvent, ChatStreamFormat } from "../types";
import { chunkEvents, errorOf } from "./chunkEvents";
import { finishReasonOf } from "./finishReason";
import { type Json, object, string } from "./json";
import { tokenEvents } from "./tokenEvents";

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

/** Parses a chat stream line by line (synchronously), into `events`. */
export interface ChatLineParser {
  /** Events parsed and not yet taken: the reader empties it. */
  readonly events: ChatEvent[];
  /** One line, without its line end. True once the stream is over (`[DONE]`, an in-band error). */
  line(text: string): boolean;
  /** The stream ended: adds the `finish` event, or throws if no format was ever seen. */
  end(): void;
}

export function chatLineParser(given: ChatStreamFormat | undefined): ChatLineParser {
  const events: ChatEvent[] = [];
  let format = given;
  let shape = given && (given.endsWith("chat") ? "chat" : "tokens");
  const state: Parameters<typeof tokenEvents>[1] = {};
  let started = false;
  let over = false;

  function line(text: string): boolean {
    const sse = text.startsWith("data:");
    const data = sse ? text.slice(5).trim() : text.trim();
    if (data === "[DONE]") {
      over = true;
      return over;
    }
    // Blank keep-alives, SSE comments and fields other than `data`.
    if (data.charCodeAt(0) !== 123 /* { */) {
      if (data === "" || started || data.startsWith(":") || /^(event|id|retry):/.test(data))
        return false;
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
        events.push({ type: "error", message });
        state.failed = true;
        state.rawReason = "error";
        over = true;
        return over;
      }
      format ??= `${sse ? "sse" : "jsonl"}-${shape}` as ChatStreamFormat;
      started = true;
      const id = string(event.id);
      const model = string(event.model);
      events.push({ type: "start", format, ...(id && { id }), ...(model && { model }) });
    }
    if (shape === "chat") chunkEvents(event, state, events);
    else tokenEvents(event, state, events);
    over = state.failed === true;
    return over;
  }

  function end(): void {
    if (!started && !state.failed) throw unknown();
    const { rawReason, usage } = state;
    events.push({
      type: "finish",
      reason: state.failed ? "error" : rawReason ? finishReasonOf(rawReason) : "other",
      ...(rawReason && { rawReason }),
      ...(usage && { usage }),
    });
  }

  return {
    events,
    line: (text) => over || line(text),
    end,
  };
}
