/**
 * A typed event-stream header value. The `type` names follow the format's ten wire types
 * (boolean true/false share `boolean`); a plain string in a headers record is a `string` header.
 */
export type EventHeaderValue =
  | { type: "boolean"; value: boolean }
  /** Signed 8-bit. */
  | { type: "byte"; value: number }
  /** Signed 16-bit. */
  | { type: "short"; value: number }
  /** Signed 32-bit. */
  | { type: "integer"; value: number }
  /** Signed 64-bit. */
  | { type: "long"; value: bigint | number }
  | { type: "binary"; value: Uint8Array }
  | { type: "string"; value: string }
  /** Milliseconds since the epoch (a Date, or a number of ms). */
  | { type: "timestamp"; value: Date | number }
  /** 16 bytes, or the canonical text form `01020304-0506-0708-090a-0b0c0d0e0f10`. */
  | { type: "uuid"; value: Uint8Array | string };

export type EventHeaders = Readonly<Record<string, string | EventHeaderValue>>;

/** One event-stream message before encoding. */
export interface EventMessage {
  headers: EventHeaders;
  payload: Uint8Array;
}
