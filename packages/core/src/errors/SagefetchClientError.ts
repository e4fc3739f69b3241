import type { ResponseMetadata } from "./SageMakerRuntimeServiceException";

/** What every client-side error is built from. */
export interface SagefetchClientErrorOptions {
  /** What went wrong and where; never a secret, token, Body or CustomAttributes value. */
  message: string;
  /** The error this one explains (a platform error, a provider's own error). */
  cause?: unknown;
  /** How far the call got; `send()` fills it in for errors that reach it. */
  $metadata?: ResponseMetadata;
}

// Marks our client-side errors so that the guard works across two copies of the package (a
// bundle and a dependency), where `instanceof` alone would say no.
const CLIENT_ERROR = Symbol.for("sagefetch.SagefetchClientError");

/**
 * Base of every error the client raises on its own side of the wire (abort, timeout, CORS,
 * event stream, session, credentials, chat stream): as the service's errors extend
 * `SageMakerRuntimeServiceException`, these extend this class. Each subclass declares a literal
 * `name`, so that `if (error.name === "TimeoutError")` narrows.
 */
export abstract class SagefetchClientError extends Error {
  abstract override readonly name: string;
  /** How far the call got: attempts made and time spent waiting, when `send()` threw it. */
  $metadata: ResponseMetadata;

  constructor(options: SagefetchClientErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.$metadata = options.$metadata ?? {};
    Object.defineProperty(this, CLIENT_ERROR, { value: true });
  }

  /** True for any sagefetch client-side error, even one thrown by another copy of the package. */
  static isInstance(value: unknown): value is SagefetchClientError {
    return typeof value === "object" && value !== null && CLIENT_ERROR in value;
  }
}
