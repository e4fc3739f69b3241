import type { ResponseStreamEvent } from "@sagefetch/core";
import type { SageMakerError } from "./types";

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

export type StreamStatus = "idle" | "streaming" | "success" | "error" | "aborted";

/** What a streaming hook renders. */
export interface StreamSnapshot {
  /** Everything received so far, joined. */
  text: string;
  /** The pieces received so far: tokens (`format: "tokens"`) or text chunks. */
  parts: readonly string[];
  status: StreamStatus;
  error: SageMakerError | null;
  /** Pieces after the first, per second since the first (decode speed); once there are two. */
  tokensPerSecond: number | undefined;
  /**
   * Milliseconds from sending the request to the first piece: from `start`, or, in a session,
   * from when the session's earlier calls are done (they are sent one at a time).
   */
  timeToFirstTokenMs: number | undefined;
  /**
   * Milliseconds from sending the request (as `timeToFirstTokenMs`) to the end of the stream,
   * however it ended; while streaming, to the latest render (it grows as pieces arrive).
   * `undefined` when idle.
   */
  durationMs: number | undefined;
}

/** Options of the streaming hooks. */
export interface StreamOptions {
  /**
   * How the parts are read: `"tokens"` (TGI/LMI/vLLM events), `"text"` (raw text), `"auto"`
   * (tokens for `text/event-stream` and JSON Lines answers, text otherwise), or your reader.
   * @default "auto"
   * @example format: "tokens"
   */
  format?: PieceFormat;
  /**
   * Least time between two renders while streaming. Renders happen on animation frames, so
   * 0 means every frame; the default renders every other frame on a 60 Hz display (≤ 50 a
   * second on any), however fast tokens arrive. The end of a stream renders at once.
   * @default 20
   */
  throttleMs?: number;
}
