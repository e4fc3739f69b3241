import { SagefetchClientError } from "../errors/SagefetchClientError";

/** Why a chat stream could not be read. */
export type ChatStreamFault =
  /** No line matched a known format (or the stream was empty). */
  | "unknownFormat"
  /** A line of a known format was not valid JSON. */
  | "malformed"
  /** The container reported an error in the stream (only `readTokens` throws it). */
  | "modelError";

/**
 * A chat stream could not be turned into events. The message quotes nothing of the stream but,
 * for `modelError`, the error message the container sent.
 */
export class ChatStreamError extends SagefetchClientError {
  override readonly name = "ChatStreamError" as const;
  readonly fault: ChatStreamFault;

  constructor(fault: ChatStreamFault, message: string) {
    super({ message });
    this.fault = fault;
  }
}
