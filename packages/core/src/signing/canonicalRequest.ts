/**
 * The canonical request of SigV4, in its steps: path, query, headers. Separate so that each
 * is checked against the official test suite on its own.
 */

// RFC 3986 encoding, as SigV4 wants it: encodeURIComponent leaves !'()* alone.
export const escapeUri = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

// A path that is already canonical: segments of unreserved characters only, none empty, `.`
// or `..` (what every SageMaker Runtime path looks like). Encoding leaves it as it is.
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[\w.~-]+)+$/;

/**
 * The path, normalized (`.` and `..` resolved, empty segments dropped) and then encoded once
 * more: every AWS service but S3 double-encodes the already-encoded path.
 */
export function canonicalPath(path: string): string {
  if (PLAIN_PATH.test(path)) return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  return escapeUri(`/${segments.join("/")}${trailing}`).replace(/%2F/g, "/");
}

/** The query, each name and value encoded, sorted by name and then value. */
export function canonicalQuery(search: URLSearchParams): string {
  return [...search]
    .map(([name, value]) => [escapeUri(name), escapeUri(value)])
    .sort(([a = "", x = ""], [b = "", y = ""]) =>
      a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0,
    )
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

// Whitespace that canonical values fold: any at either end, runs of it, and any but a space.
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/**
 * Lowercase names, sorted; values trimmed, with inner runs of spaces folded to one. `host`,
 * when given, is signed as one more header (fetch sends it from the URL).
 */
export function canonicalHeaders(
  headers: Record<string, string>,
  host?: string,
): {
  names: string;
  block: string;
} {
  const lower: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name] as string;
    lower[name.toLowerCase()] = UNTIDY.test(value) ? value.trim().replace(/\s+/g, " ") : value;
  }
  if (host !== undefined) lower.host = host;
  const names = Object.keys(lower).sort();
  let block = "";
  for (const name of names) block += `${name}:${lower[name]}\n`;
  return { names: names.join(";"), block };
}
