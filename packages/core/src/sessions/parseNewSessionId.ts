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
    const time = match ? Date.parse(match[1] as string) : Number.NaN;
    if (!Number.isNaN(time)) expiresAt = new Date(time);
  }
  return { id, expiresAt };
}
