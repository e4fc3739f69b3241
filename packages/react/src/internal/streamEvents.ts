import type { PieceFormat, StreamEvent, StreamFinishReason, StreamResult } from "../streamTypes";
import type { SageMakerError } from "../types";
import { readPieces, type StreamOutput } from "./readPieces";

/**
 * A stream as events: the one place that knows what a reader gives. Today each piece is a
 * `text-delta`; a reader of chat events (tool calls, a finish with reason and usage) plugs in
 * here, and `endStream` then takes its finish instead of deriving one.
 */
export async function* readStreamEvents(
  format: PieceFormat,
  output: StreamOutput,
): AsyncGenerator<StreamEvent> {
  for await (const text of readPieces(format, output)) yield { type: "text-delta", text };
}

const reasons: Record<Exclude<StreamResult["status"], "success">, StreamFinishReason> = {
  aborted: "abort",
  error: "error",
};

/**
 * A stream's result from what it said and how it ended. Its events close with one `finish`:
 * for a stream that ended cleanly, the reader's own reason and usage (else `stop`); for an
 * aborted one `abort`; for a failed one an `error` event, then `error`.
 */
export function endStream(
  text: string,
  said: readonly StreamEvent[],
  status: StreamResult["status"],
  error: SageMakerError | null,
): StreamResult {
  const own = said.findLast((event) => event.type === "finish");
  const finishReason = status === "success" ? (own?.reason ?? "stop") : reasons[status];
  const usage = own?.usage;
  const events: StreamEvent[] = said.filter((event) => event.type !== "finish");
  if (status === "error") events.push({ type: "error", error: error as SageMakerError });
  events.push({ type: "finish", reason: finishReason, usage });
  return { text, events, finishReason, usage, status, error };
}
