/** How a streamed answer ends when its model's stream throws this. */
export type StreamFailureKind = "ModelStreamError" | "InternalStreamFailure" | "error";

/**
 * Thrown from a model's stream to end an InvokeEndpointWithResponseStream answer with an
 * error message (see `modelStreamError`, `internalStreamFailure`, `unmodeledStreamError`).
 */
export class StreamFailure extends Error {
  readonly kind: StreamFailureKind;
  /** ModelStreamError's `ErrorCode`, or the `:error-code` of an unmodeled error. */
  readonly errorCode: string | undefined;

  constructor(kind: StreamFailureKind, message: string, errorCode?: string) {
    super(message);
    this.name = "StreamFailure";
    this.kind = kind;
    this.errorCode = errorCode;
  }
}

/**
 * For a model's stream to throw: the stream ends with a `ModelStreamError` exception message,
 * payload `{"Message": message, "ErrorCode": errorCode}`. (Any other error thrown from a
 * stream does the same with ErrorCode `ModelError`.)
 */
export function modelStreamError(errorCode: string, message: string): StreamFailure {
  return new StreamFailure("ModelStreamError", message, errorCode);
}

/** The stream ends with an `InternalStreamFailure` exception message, `{"Message": message}`. */
export function internalStreamFailure(message: string): StreamFailure {
  return new StreamFailure("InternalStreamFailure", message);
}

/**
 * The stream ends with an unmodeled error: a `:message-type: error` message with
 * `:error-code` and `:error-message` headers and no payload.
 */
export function unmodeledStreamError(errorCode: string, message: string): StreamFailure {
  return new StreamFailure("error", message, errorCode);
}
