/**
 * Percent-encodes everything but RFC 3986's unreserved characters
 * (`A-Z a-z 0-9 - . _ ~`), with uppercase hex, as SigV4 wants.
 */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `decodeURIComponent` that leaves malformed escapes as they are. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
