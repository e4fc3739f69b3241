import type { Logger } from "../client/config";
import type { ResponseMetadata } from "../errors/SageMakerRuntimeServiceException";
import { classifyError, type RetryErrorType } from "./classifyError";
import type { StandardRetryStrategy } from "./StandardRetryStrategy";
import { sleep } from "./sleep";
import { abortError, withAttemptSignal } from "./withAttemptSignal";

/** What one attempt ended with: a value, or an error and what the loop should make of it. */
export type AttemptRecord<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** The error as the attempt met it. */
      error: unknown;
      /**
       * `now`: try again at once, outside the retry quota (credentials were refreshed);
       * `never`: give up at once; otherwise the strategy decides.
       */
      retry?: "now" | "never";
      /** How the strategy should see the error, when not as `classifyError` does. */
      type?: RetryErrorType;
      /** The wait the service asked for, in ms. */
      retryAfterMs?: number;
      /** The error to throw instead of `error` if the loop gives up on it. */
      giveUpWith?: Error;
    };

/** How a call is retried. */
export interface RetryPolicy {
  strategy: StandardRetryStrategy;
  maxAttempts: number;
  /** The caller's signal: it ends the call at once, a wait between attempts included. */
  signal: AbortSignal | undefined;
  /** Milliseconds one attempt may take (0: no limit). */
  timeoutMs: number;
  /** The operation and its target, for messages. */
  describe: string;
  logger?: Logger | undefined;
}

/** How far a call got: attempts made and milliseconds spent waiting between them. */
export type Progress = Required<Pick<ResponseMetadata, "attempts" | "totalRetryDelay">>;

/**
 * Runs attempts until one succeeds or the strategy gives up: each attempt runs under its own
 * signal (the caller's, plus `timeoutMs`) and returns what happened; an attempt that throws
 * is a failure the strategy judges by `classifyError`. The error given up with carries the
 * progress in `$metadata`.
 */
export async function retryLoop<T>(
  policy: RetryPolicy,
  attempt: (n: number, signal: AbortSignal) => Promise<AttemptRecord<T>>,
): Promise<{ value: T; progress: Progress }> {
  const { strategy, signal, describe } = policy;
  const progress: Progress = { attempts: 0, totalRetryDelay: 0 };
  let lastRetryCost: number | undefined;
  for (let n = 1; ; n++) {
    progress.attempts = n;
    let record: AttemptRecord<T>;
    try {
      record = await withAttemptSignal(signal, policy.timeoutMs, describe, (attemptSignal) =>
        attempt(n, attemptSignal),
      );
    } catch (error) {
      record = { ok: false, error };
    }
    if (record.ok) {
      strategy.recordSuccess(lastRetryCost);
      return { value: record.value, progress };
    }
    if (record.retry === "now" && !signal?.aborted) continue;
    const decision =
      record.retry === "never" || signal?.aborted
        ? ({ retry: false } as const)
        : strategy.decide(
            record.type ?? classifyError(record.error),
            n,
            policy.maxAttempts,
            record.retryAfterMs,
          );
    if (!decision.retry) throw withProgress(record.giveUpWith ?? record.error, progress);
    const name = (record.error as Error | undefined)?.name ?? "an error";
    policy.logger?.debug(
      `${describe}: attempt ${n}/${policy.maxAttempts} failed with ${name}; retrying in ${decision.delayMs} ms.`,
    );
    await sleep(decision.delayMs, signal, () =>
      withProgress(abortError(describe, signal as AbortSignal), progress),
    );
    progress.totalRetryDelay += decision.delayMs;
    lastRetryCost = decision.cost;
  }
}

/** Stamps how far the call got on an error's `$metadata` (what the service said is kept). */
export function withProgress<E>(error: E, progress: Progress): E {
  if (typeof error === "object" && error !== null) {
    const e = error as { $metadata?: ResponseMetadata };
    e.$metadata = { ...e.$metadata, ...progress };
  }
  return error;
}
