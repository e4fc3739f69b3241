/**
 * Milliseconds the service asked the client to wait: `x-amz-retry-after` (milliseconds) or
 * `Retry-After` (seconds, or an HTTP date). Unreadable hints are ignored.
 */
export function retryAfterMs(headers: Headers | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const amz = headers.get("x-amz-retry-after");
  if (amz !== null && /^\d+$/.test(amz.trim())) return Number(amz);
  const standard = headers.get("retry-after");
  if (standard === null) return undefined;
  if (/^\d+$/.test(standard.trim())) return Number(standard) * 1000;
  const date = Date.parse(standard);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
