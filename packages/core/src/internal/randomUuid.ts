/**
 * A v4 UUID for `amz-sdk-invocation-id`. `crypto.randomUUID` exists only in secure contexts,
 * and a page on a LAN address over http is not one, so fall back to `getRandomValues`.
 */
export function randomUuid(): string {
  // Read once: in a page, `crypto` is a getter on the window.
  const c = crypto;
  if (c.randomUUID) return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  // Dashes before bytes 4, 6, 8 and 10: 8-4-4-4-12 hex digits.
  return Array.from(
    b,
    (x, i) => (i > 3 && i < 11 && !(i & 1) ? "-" : "") + (x + 256).toString(16).slice(1),
  ).join("");
}
