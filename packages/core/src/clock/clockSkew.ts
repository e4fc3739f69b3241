/** A sample must disagree with the current offset by this much before it counts (2026 rule). */
export const SKEW_THRESHOLD_MS: number = 4 * 60 * 1000;
/** A round trip longer than this says nothing reliable about the server's clock. */
const MAX_SAMPLE_RTT_MS = 15 * 60 * 1000;

/**
 * The clock offset an answer implies: the server's `Date` minus the midpoint of send and
 * receive. `undefined` when the answer has no readable `Date` (cross-origin without
 * `Access-Control-Expose-Headers`), came from a cache (`Age`), or took too long.
 */
export function offsetFromDateHeader(
  headers: Headers,
  sentAt: number,
  receivedAt: number,
): number | undefined {
  const date = headers.get("date");
  if (date === null || headers.has("age") || receivedAt - sentAt > MAX_SAMPLE_RTT_MS) {
    return undefined;
  }
  const serverTime = Date.parse(date);
  if (Number.isNaN(serverTime)) return undefined;
  return serverTime - (sentAt + receivedAt) / 2;
}

const AMZ_DATE = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/;

/**
 * The offset a skew error's own text implies, for when `Date` cannot be read. The service
 * writes its clock in parentheses: "Signature expired: 20261124T120000Z is now earlier than
 * 20261124T121000Z (20261124T122500Z - 15 min.)".
 */
export function offsetFromErrorMessage(message: string, receivedAt: number): number | undefined {
  const inParens = /\((\d{8}T\d{6}Z)\s*[-+]/.exec(message)?.[1];
  const match = inParens ? AMZ_DATE.exec(inParens) : null;
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const serverTime = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  return serverTime - receivedAt;
}

/** Whether a new sample should replace the current offset. */
export function isNewOffset(current: number, sample: number | undefined): sample is number {
  return sample !== undefined && Math.abs(sample - current) >= SKEW_THRESHOLD_MS;
}
