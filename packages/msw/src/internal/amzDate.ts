const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `20150830T123600Z` (ISO 8601 basic format, UTC, whole seconds). */
export function formatAmzDate(date: Date | number): string {
  return new Date(date)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when it is not that. */
export function parseAmzDate(value: string): Date | undefined {
  const match = AMZ_DATE.exec(value);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
  return formatAmzDate(date) === value ? date : undefined;
}

/** RFC 1123 form, as in an HTTP `Date` header: `Tue, 24 Nov 2026 12:00:00 GMT`. */
export function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}
