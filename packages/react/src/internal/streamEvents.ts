import type { StreamEvent, StreamResult } from "../streamTypes";
import type { SageMakerError } from "../types";

type Finish = Extract<StreamEvent, { type: "finish" }>;

/**
 * A stream's result from its text pieces, its reader's events (but the `finish`), the reader's
 * `finish` if one came, and how the stream ended. The events close with an `error` with the
 * error's message for a stream that failed (for an error the container reported in the stream,
 * its message: the reader's `error` event), then one `finish`: the container's (with its usage)
 * for a stream that ended well (`stop` when the reader gives none, as text does), `abort` for a
 * cancelled stream, `error` for a failed one.
 */
export function endStream(
  pieces: readonly string[],
  events: StreamEvent[],
  finish: Finish | undefined,
  status: StreamResult["status"],
  error: SageMakerError | null,
): StreamResult {
  const last: Finish =
    status === "success"
      ? (finish ?? { type: "finish", reason: "stop" })
      : { type: "finish", reason: status === "aborted" ? "abort" : "error" };
  if (error) events.push({ type: "error", message: error.message });
  events.push(last);
  return {
    text: pieces.join(""),
    events,
    finishReason: last.reason,
    usage: last.usage,
    status,
    error,
  };
}
