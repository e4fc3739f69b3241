import { modelError } from "../handlers/ModelContainerError";
import type { ModelFn } from "../handlers/modelTypes";

/**
 * Fails one call in every `failEvery`, starting with the first (with the default 2: calls 1, 3,
 * 5, ... fail), as a container answering 503; the others answer `{"ok": true, "invocation": n}`.
 * The count is the endpoint's own (`request.invocation`), so `mock.reset()` restarts it.
 */
export function flakyModel(failEvery = 2): ModelFn {
  if (!Number.isInteger(failEvery) || failEvery < 1) {
    throw new RangeError("failEvery must be a positive integer");
  }
  return (request) => {
    if ((request.invocation - 1) % failEvery === 0) {
      throw modelError(503, `Simulated failure on call ${request.invocation}`);
    }
    return { body: { ok: true, invocation: request.invocation } };
  };
}
