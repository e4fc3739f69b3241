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

/**
 * In a browser, fetch failed for a cross-origin call with no `relay` configured: what a page
 * sees when the server does not answer CORS, as SageMaker Runtime does not. The message says
 * how to go through `@sagefetch/relay`; `cause` keeps fetch's own error. A page cannot tell a
 * CORS block from a dropped connection (the same `TypeError`), so the call is first retried as
 * after any network error; this is the error it gives up with.
 */
export class CorsBlockedError extends Error {
  override name = "CorsBlockedError" as const;
  /** The origin the page could not call, e.g. `https://runtime.sagemaker.us-east-1.amazonaws.com`. */
  readonly targetOrigin: string;
  constructor(message: string, targetOrigin: string, cause: unknown) {
    super(message, { cause });
    this.targetOrigin = targetOrigin;
  }
}
