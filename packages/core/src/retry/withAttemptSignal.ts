import { AbortError, TimeoutError } from "../errors/clientErrors";
import { raceAbort } from "../internal/raceAbort";

/**
 * Runs one attempt under a signal that fires when the caller aborts or `timeoutMs` passes,
 * and turns either into its typed error. The limit covers the whole attempt, reading the
 * answer's body included: a stalled body must not hang a call.
 */
export async function withAttemptSignal<T>(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  describe: string,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) throw abortError(describe, callerSignal);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  try {
    return await raceAbort(run(controller.signal), controller.signal);
  } catch (error) {
    if (timedOut) {
      throw new TimeoutError({
        message: `${describe} took longer than requestTimeout (${timeoutMs} ms).`,
        timeoutMs,
      });
    }
    if (callerSignal?.aborted) throw abortError(describe, callerSignal);
    throw error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

export function abortError(describe: string, signal: AbortSignal): AbortError {
  return new AbortError({ message: `${describe} was aborted.`, cause: signal.reason });
}
