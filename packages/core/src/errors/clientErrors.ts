/** An attempt took longer than `requestTimeout`. Retried like the AWS SDK's `TimeoutError`. */
export class TimeoutError extends Error {
  override name = "TimeoutError" as const;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the call (its `abortSignal` fired). Never retried. */
export class AbortError extends Error {
  override name = "AbortError" as const;
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** The client's configuration cannot give an endpoint (same name as the AWS SDK's). */
export class EndpointError extends Error {
  override name = "EndpointError" as const;
}
