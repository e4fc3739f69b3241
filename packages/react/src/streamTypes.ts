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

/**
 * Why a stream ended: `stop` (the model finished), `length` (it hit its token limit),
 * `tool-calls`, `content-filter`, `other`, or, on our side, `abort` and `error`. Today a
 * stream that ends cleanly is `stop`; the others come from chat models' own finish events.
 */
export type StreamFinishReason =
  | "stop"
  | "length"
  | "tool-calls"
  | "content-filter"
  | "other"
  | "error"
  | "abort";

/** Tokens the model counted, when it says (chat models' finish events); else `undefined`. */
export interface StreamUsage {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
}

/**
 * What a stream said, in order: its text as it came (`text-delta`), an `error` if it failed,
 * and always last, how it ended (`finish`).
 */
export type StreamEvent =
  | { type: "text-delta"; text: string }
  | { type: "error"; error: SageMakerError }
  | { type: "finish"; reason: StreamFinishReason; usage?: StreamUsage };

/** What `start()` and a session's `stream()` resolve with, once the stream has ended. */
export interface StreamResult {
  /** Everything received, joined (what arrived before an abort or an error included). */
  text: string;
  events: readonly StreamEvent[];
  finishReason: StreamFinishReason;
  /** Absent until a reader gives the model's token counts (see `StreamUsage`). */
  usage?: StreamUsage;
  /** `aborted` also when a newer `start()` or `reset()` took the stream's place. */
  status: "success" | "error" | "aborted";
  error: SageMakerError | null;
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
  /**
   * Called with each piece (a token, or a text chunk) as it arrives, before it renders.
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
