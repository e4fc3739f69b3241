import type { StreamEvent, StreamFinishReason, StreamResult } from "../streamTypes";
import type { SageMakerError } from "../types";

/**
 * A stream's result from the pieces it gave and how it ended: the one place that knows what
 * the stream readers tell. Today they give text only, so each piece is a `text-delta`, the
 * reason is `stop`, `abort` or `error`, and there is no usage; a reader of chat events (tool
 * calls, a finish with the model's reason and usage) plugs in here. The events close with one
 * `finish`, after an `error` event for a stream that failed.
 */
export function endStream(
  pieces: readonly string[],
  status: StreamResult["status"],
  error: SageMakerError | null,
): StreamResult {
  const finishReason: StreamFinishReason =
    status === "success" ? "stop" : status === "aborted" ? "abort" : "error";
  const events: StreamEvent[] = pieces.map((text) => ({ type: "text-delta", text }));
  if (error) events.push({ type: "error", error });
  events.push({ type: "finish", reason: finishReason });
  return { text: pieces.join(""), events, finishReason, status, error };
}
