/** What stands where a sent value was quoted back. */
const REDACTED = "[redacted]";
/** Shorter values are too likely to occur in ordinary text to be replaced. */
const MIN_LENGTH = 4;

/**
 * Replaces values the request carried (the session token, CustomAttributes) wherever the
 * service's error quotes them. AWS's signature errors print the canonical request, headers and
 * all, so without this a token would travel in `error.message` into logs and error trackers.
 * Works on the error's own string fields (`message`, `OriginalMessage`, ...) and its stack.
 */
export function redactEchoes(error: Error, sent: readonly (string | undefined)[]): void {
  // SigV4's canonical form of a header value (trimmed, whitespace runs folded to one space)
  // is what signature errors quote: redact that form too.
  const values = sent
    .flatMap((value) =>
      typeof value === "string" ? [value, value.trim().replace(/\s+/g, " ")] : [],
    )
    .filter((value) => value.length >= MIN_LENGTH)
    // Longest first, so that a shorter form inside a longer one does not leave part of it.
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return;
  const record = error as unknown as Record<string, unknown>;
  for (const key of [...Object.getOwnPropertyNames(error), "message", "stack"]) {
    const text = record[key];
    if (typeof text !== "string") continue;
    const clean = values.reduce((out, value) => out.split(value).join(REDACTED), text);
    if (clean !== text) record[key] = clean;
  }
}
