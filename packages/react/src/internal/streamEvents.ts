import { ChatStreamError } from "@sagefetch/core";
import type { StreamEvent, StreamResult } from "../streamTypes";
import type { SageMakerError } from "../types";

/** What a stream gave, as it is read; `endStream` turns it into the stream's result. */
export interface StreamRecord {
  /** The text pieces (the `text-delta` events' text). */
  pieces: string[];
  /** The reader's events but its `finish`. */
  events: StreamEvent[];
  /** The reader's `finish`, once it came. */
  finish?: Extract<StreamEvent, { type: "finish" }>;
}

export const newRecord = (): StreamRecord => ({ pieces: [], events: [] });

/**
 * The error of a stream the container ended with reason `error` (an error it reported in the
 * stream, e.g. LMI's token id −1): a `ChatStreamError` with its message, as core's
 * `readTokens` throws it.
 */
export function reportedError(record: StreamRecord): ChatStreamError | undefined {
  if (record.finish?.reason !== "error") return undefined;
  const reported = record.events.filter((event) => event.type === "error").pop();
  const said = reported?.type === "error" ? `: ${reported.message}` : ".";
  return new ChatStreamError("modelError", `The model reported an error${said}`);
}

/**
 * A stream's result from what it gave and how it ended. Its events close with one `finish`:
 * `abort` for a cancelled stream; the container's (with its usage) for one that ended well or
 * with an error the container reported; else `error` after an `error` event with the error's
 * message (a stream that failed on the way), or `stop` (text has no finish of its own).
 */
export function endStream(
  record: StreamRecord,
  status: StreamResult["status"],
  error: SageMakerError | null,
): StreamResult {
  const { finish } = record;
  const events = record.events.slice();
  const last: Extract<StreamEvent, { type: "finish" }> =
    status === "aborted"
      ? { type: "finish", reason: "abort" }
      : finish && (status === "success" || finish.reason === "error")
        ? finish
        : { type: "finish", reason: error ? "error" : "stop" };
  if (error && last !== finish) events.push({ type: "error", message: error.message });
  events.push(last);
  return {
    text: record.pieces.join(""),
    events,
    finishReason: last.reason,
    ...(last.usage && { usage: last.usage }),
    status,
    error,
  };
}
