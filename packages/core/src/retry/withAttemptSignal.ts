import { AbortError, TimeoutError } from "../errors/clientErrors";
import { onDeadline } from "./deadlines";

/**
 * Runs one attempt under a signal that fires when the caller aborts or `timeoutMs` passes,
 * and turns either into its typed error. The limit covers the whole attempt, reading the
 * answer's body included: a stalled body must not hang a call.
 *
 * The attempt's promise is settled here, directly, by whichever comes first: its own end,
 * the timer or the caller's abort. A fetch that ignores its signal (some polyfills do) thus
 * cannot keep an aborted call waiting, and no listener is put on the attempt's own signal:
 * in a browser each listener, and each promise wrapped around another, cost more than the
 * rest of this function (bench/invoke-breakdown.mjs, decisions/0001-own-sigv4-signer.md).
 */
export function withAttemptSignal<T>(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  describe: string,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (callerSignal?.aborted) return Promise.reject(abortError(describe, callerSignal));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const onCallerAbort = () => {
      controller.abort(callerSignal?.reason);
      end();
      reject(abortError(describe, callerSignal as AbortSignal));
    };
    const cancelDeadline =
      timeoutMs > 0
        ? onDeadline(timeoutMs, () => {
            controller.abort();
            end();
            reject(
              new TimeoutError({
                message: `${describe} took longer than requestTimeout (${timeoutMs} ms).`,
                timeoutMs,
              }),
            );
          })
        : undefined;
    const end = () => {
      cancelDeadline?.();
      callerSignal?.removeEventListener("abort", onCallerAbort);
    };
    callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    const fail = (error: unknown) => {
      end();
      reject(error);
    };
    // Settling twice is harmless: the first settlement wins, a late one is ignored.
    try {
      run(controller.signal).then((value) => {
        end();
        resolve(value);
      }, fail);
    } catch (error) {
      fail(error);
    }
  });
}

export function abortError(describe: string, signal: AbortSignal): AbortError {
  return new AbortError({ message: `${describe} was aborted.`, cause: signal.reason });
}
