import { classifyError } from "../retry/classifyError";

/**
 * Whether the service (or the client's rules) counts the error as throttling: status 429,
 * a throttling code (`ThrottlingException`, `ModelNotReadyException`'s 429, …).
 */
export function isThrottlingError(error: unknown): boolean {
  return classifyError(error) === "THROTTLING";
}

/**
 * Whether the client's standard retry mode would retry the error: throttling, a transient
 * fault (network, timeout, 500/502/503/504) or another 5xx. After `send()` rejects, its
 * retries are already spent: this says whether trying again later may help.
 */
export function isRetryableError(error: unknown): boolean {
  return classifyError(error) !== "CLIENT_ERROR";
}
