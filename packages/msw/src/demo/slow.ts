import type { ModelFn } from "../handlers/modelTypes";
import { sleep } from "../internal/sleep";

/**
 * Answers `{"waitedMs": n}` after `delayMs`, or after the `delay-ms=<n>` a request names in its
 * custom attributes (`X-Amzn-SageMaker-Custom-Attributes: delay-ms=250`).
 */
export function slowModel(delayMs = 1000): ModelFn {
  return async (request) => {
    const named = /(?:^|[;,\s])delay-ms=(\d+)/.exec(request.customAttributes ?? "")?.[1];
    const waitedMs = named === undefined ? delayMs : Number(named);
    await sleep(waitedMs);
    return { body: { waitedMs } };
  };
}
