import { SagefetchClientError, type SagefetchClientErrorOptions } from "./SagefetchClientError";

/** An attempt took longer than `requestTimeout`. Retried like the AWS SDK's `TimeoutError`. */
export class TimeoutError extends SagefetchClientError {
  override readonly name = "TimeoutError" as const;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  constructor(options: SagefetchClientErrorOptions & { timeoutMs: number }) {
    super(options);
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller aborted the call (its `abortSignal` fired); `cause` is the signal's reason. Never retried. */
export class AbortError extends SagefetchClientError {
  override readonly name = "AbortError" as const;
}

/** The client's configuration cannot give an endpoint (same name as the AWS SDK's). */
export class EndpointError extends SagefetchClientError {
  override readonly name = "EndpointError" as const;
}

/**
 * In a browser, fetch failed for a cross-origin call with no `relay` configured: what a page
 * sees when the server does not answer CORS. The message links to the explanation
 * (decisions/0004-cors-relay.md); `cause` keeps fetch's own error.
 */
export class CorsBlockedError extends SagefetchClientError {
  override readonly name = "CorsBlockedError" as const;
  /** The origin the page could not call, e.g. `https://runtime.sagemaker.us-east-1.amazonaws.com`. */
  readonly targetOrigin: string;
  constructor(options: SagefetchClientErrorOptions & { targetOrigin: string }) {
    super(options);
    this.targetOrigin = options.targetOrigin;
  }
}

/**
 * With `relay` set, fetch could not reach the relay: it is down, the URL is wrong, or it does
 * not allow the page's origin (decisions/0004-cors-relay.md). `cause` keeps fetch's error.
 */
export class RelayUnreachableError extends SagefetchClientError {
  override readonly name = "RelayUnreachableError" as const;
  /** The relay's origin, e.g. `https://relay.example.com`. */
  readonly relayOrigin: string;
  constructor(options: SagefetchClientErrorOptions & { relayOrigin: string }) {
    super(options);
    this.relayOrigin = options.relayOrigin;
  }
}
