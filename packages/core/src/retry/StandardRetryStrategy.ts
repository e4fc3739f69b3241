import type { RetryErrorType } from "./classifyError";

/** The numbers that define standard mode. */
export interface RetryProfile {
  baseDelayMs: number;
  throttlingBaseDelayMs: number;
  maxDelayMs: number;
  initialTokens: number;
  /** Tokens a retry after a throttling error costs. */
  throttlingCost: number;
  /** Tokens a retry after a transient error costs. */
  transientCost: number;
  /** Tokens a success without retries gives back. */
  noRetryIncrement: number;
}

/**
 * Standard mode as `@aws-sdk/client-sagemaker-runtime` 3.1161 ships it (smithy's 2026 retry
 * rules, on by default in that release): base 50 ms, 1 s after throttling, 14 tokens a
 * transient retry.
 */
export const STANDARD_2026: RetryProfile = {
  baseDelayMs: 50,
  throttlingBaseDelayMs: 1000,
  maxDelayMs: 20_000,
  initialTokens: 500,
  throttlingCost: 5,
  transientCost: 14,
  noRetryIncrement: 1,
};

/** Standard mode of earlier AWS SDK releases: base 100 ms, 500 ms after throttling, 10 tokens. */
export const STANDARD_LEGACY: RetryProfile = {
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
  initialTokens: 500,
  throttlingCost: 5,
  transientCost: 10,
  noRetryIncrement: 1,
};

/** Why a failed attempt is not retried. */
export type RetryRefusal = "not-retryable" | "max-attempts" | "quota";

export type RetryDecision =
  | { retry: true; delayMs: number; cost: number }
  | { retry: false; reason: RetryRefusal };

/**
 * The retry quota (a token bucket shared by every call of a client) and the backoff: full
 * jitter, `random × min(maxDelay, base × 2^retries)`.
 */
export class StandardRetryStrategy {
  private tokens: number;

  constructor(
    private readonly profile: RetryProfile = STANDARD_2026,
    private readonly random: () => number = Math.random,
  ) {
    this.tokens = profile.initialTokens;
  }

  /** Tokens left in the quota. */
  get capacity(): number {
    return this.tokens;
  }

  /**
   * Decides on a retry after attempt number `attempt` (1-based) failed, and takes its cost
   * from the quota when it says yes.
   */
  decide(
    errorType: RetryErrorType,
    attempt: number,
    maxAttempts: number,
    retryAfterMs?: number,
  ): RetryDecision {
    if (errorType !== "THROTTLING" && errorType !== "TRANSIENT") {
      return { retry: false, reason: "not-retryable" };
    }
    if (attempt >= maxAttempts) return { retry: false, reason: "max-attempts" };
    const { profile } = this;
    const cost = errorType === "THROTTLING" ? profile.throttlingCost : profile.transientCost;
    if (this.tokens < cost) return { retry: false, reason: "quota" };
    this.tokens -= cost;
    const base = errorType === "THROTTLING" ? profile.throttlingBaseDelayMs : profile.baseDelayMs;
    const backoff = Math.floor(
      this.random() * Math.min(base * 2 ** (attempt - 1), profile.maxDelayMs),
    );
    const delayMs =
      retryAfterMs === undefined
        ? backoff
        : Math.max(backoff, Math.min(retryAfterMs, backoff + 5000));
    return { retry: true, delayMs, cost };
  }

  /** A call succeeded: give back the cost of its last retry, or 1 token where it made none. */
  recordSuccess(lastRetryCost: number | undefined): void {
    this.tokens = Math.min(
      this.profile.initialTokens,
      this.tokens + (lastRetryCost ?? this.profile.noRetryIncrement),
    );
  }
}
