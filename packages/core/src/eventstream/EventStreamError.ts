/** What was wrong with the bytes of a response stream. */
export type EventStreamFault =
  | "prelude-checksum"
  | "message-checksum"
  | "length"
  | "headers"
  | "truncated";

/**
 * The response stream's bytes are corrupt or cut short. The parts that reached the caller
 * before it stay valid: each was checked against its own checksum.
 */
export class EventStreamError extends Error {
  override name = "EventStreamError" as const;
  readonly fault: EventStreamFault;
  constructor(fault: EventStreamFault, message: string) {
    super(message);
    this.fault = fault;
  }
}
