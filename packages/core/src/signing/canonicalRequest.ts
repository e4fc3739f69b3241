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

/**
 * The path, normalized (`.` and `..` resolved, empty segments dropped) and then encoded once
 * more: every AWS service but S3 double-encodes the already-encoded path.
 */
export function canonicalPath(path: string): string {
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

/** Lowercase names, sorted; values trimmed, with inner runs of spaces folded to one. */
export function canonicalHeaders(headers: Record<string, string>): {
  names: string;
  block: string;
} {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    lower[name.toLowerCase()] = value.trim().replace(/\s+/g, " ");
  }
  const names = Object.keys(lower).sort();
  return {
    names: names.join(";"),
    block: names.map((name) => `${name}:${lower[name]}\n`).join(""),
  };
}
