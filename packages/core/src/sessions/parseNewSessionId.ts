/** A stateful session as the service reports it. */
export interface SessionInfo {
  id: string;
  /** When the model will forget the session; `undefined` if the model did not say. */
  expiresAt: Date | undefined;
}

/**
 * Reads `NewSessionId`: `<id>; Expires=<UTC time>` (e.g. `ab12; Expires=2026-11-24T13:00:00Z`),
 * tolerant of spacing and case. Throws a `TypeError` when there is no id.
 */
export function parseNewSessionId(value: string): SessionInfo {
  const [rawId = "", ...attributes] = String(value).split(";");
  const id = rawId.trim();
  if (!id) throw new TypeError("NewSessionId holds no session id.");
  let expiresAt: Date | undefined;
  for (const attribute of attributes) {
    const match = /^\s*expires\s*=\s*(.+?)\s*$/i.exec(attribute);
    const time = match ? parseTime(match[1] as string) : Number.NaN;
    if (!Number.isNaN(time)) expiresAt = new Date(time);
  }
  return { id, expiresAt };
}

// The service's form (ISO 8601), or an HTTP date. Anything else is no time at all: `Date.parse`
// alone reads "1" or "session 2" as dates in 2001, and a time without a zone as local time.
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/i;
const HTTP_DATE = /^[a-z]{3}, \d{2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/i;

/** Epoch ms of an `Expires` value, or NaN; a time that names no zone is UTC, as the service's are. */
function parseTime(text: string): number {
  const iso = ISO_TIME.exec(text);
  if (iso) {
    const zone = (iso[3] ?? "Z").toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
    return Date.parse(`${iso[1]}T${iso[2]}${zone}`);
  }
  return HTTP_DATE.test(text) ? Date.parse(text) : Number.NaN;
}
