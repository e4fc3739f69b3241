import type { ChatEvent, ChatFinishReason, ChatUsage } from "@sagefetch/core";
import type { StreamFormat } from "@sagefetch/query";
import type { SageMakerError } from "./types";

/** How a stream's parts are read: `@sagefetch/query`'s `StreamFormat` (the same type). */
export type PieceFormat = StreamFormat;

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

/**
 * Why a stream ended: the container's reason (core's `ChatFinishReason`: `stop`, `length`,
 * `tool-calls`, `content-filter`, `error`, or `other` when it did not say), or `abort` for a
 * stream that was cancelled. A stream not read as tokens ends with `stop`, or `error`.
 */
export type StreamFinishReason = ChatFinishReason | "abort";

/**
 * The token counts the container reported (core's `ChatUsage`): vLLM and the Messages APIs
 * with `stream_options: { include_usage: true }`; TGI and LMI (`inputs`) with
 * `parameters.details`, the generated tokens only.
 */
export type StreamUsage = ChatUsage;

/**
 * What a stream said, in order: core's `ChatEvent`s, its `finish` also able to say `abort`.
 * Read as tokens: `start`, `text-delta`, `reasoning-delta`, `tool-call-delta`, an `error` the
 * container reported in the stream, and the container's `finish`. Read as text (or by a reader
 * of one's own): a `text-delta` per piece. A stream that fails on the way adds an `error` with
 * the error's message; always last, one `finish` (`abort` for a cancelled stream, `error` for
 * a failed one).
 */
export type StreamEvent =
  | Exclude<ChatEvent, { type: "finish" }>
  | (Omit<Extract<ChatEvent, { type: "finish" }>, "reason"> & { reason: StreamFinishReason });

/** What `start()` and a session's `stream()` resolve with, once the stream has ended. */
export interface StreamResult {
  /** Everything received, joined (what arrived before an abort or an error included). */
  text: string;
  events: readonly StreamEvent[];
  finishReason: StreamFinishReason;
  /** The token counts the container reported in its stream, if it did (see `StreamUsage`). */
  usage?: StreamUsage;
  /** `aborted` also when a newer `start()` or `reset()` took the stream's place. */
  status: "success" | "error" | "aborted";
  error: SageMakerError | null;
}

/** Options of the streaming hooks. */
export interface StreamOptions {
  /**
   * How the parts are read: `"tokens"` (a chat model's stream: TGI, LMI, vLLM, SGLang, read by
   * core's `readChatEvents`), `"text"` (raw text), `"auto"` (tokens for `text/event-stream` and
   * JSON Lines answers, text otherwise), or your reader (its pieces are the text).
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
  /**
   * Called with each piece of text (a token's `text-delta`, or a text chunk) as it arrives,
   * before it renders.
   * An error thrown here ends the stream as an error.
   */
  onToken?: (token: string) => void;
  /**
   * Called once a stream has ended, however it ended (see `status`), with what `start()`
   * resolves with.
   */
  onFinish?: (result: StreamResult) => void;
  /** Called when a stream ends in an error (not when it is aborted), before `onFinish`. */
  onError?: (error: SageMakerError) => void;
}
