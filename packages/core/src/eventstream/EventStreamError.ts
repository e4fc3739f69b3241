import {
  SagefetchClientError,
  type SagefetchClientErrorOptions,
} from "../errors/SagefetchClientError";

/** What was wrong with the bytes of a response stream. */
export type EventStreamFault =
  | "prelude-checksum"
  | "message-checksum"
  | "length"
  | "headers"
  | "truncated"
  /** The connection broke before the stream ended (`cause` holds the platform's error). */
  | "connection";

/**
 * The response stream's bytes are corrupt or cut short, or its connection broke. The parts
 * that reached the caller before it stay valid: each was checked against its own checksum.
 */
export class EventStreamError extends SagefetchClientError {
  override readonly name = "EventStreamError" as const;
  readonly fault: EventStreamFault;
  constructor(options: SagefetchClientErrorOptions & { fault: EventStreamFault }) {
    super(options);
    this.fault = options.fault;
  }
}
