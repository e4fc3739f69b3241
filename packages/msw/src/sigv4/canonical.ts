import { safeDecode, uriEncode } from "../internal/uriEncode";

/**
 * Canonical URI for every service but S3: dot segments resolved, empty segments dropped,
 * and each segment as it arrived on the wire (already percent-encoded once) encoded again.
 */
export function canonicalUri(pathname: string): string {
  const segments: string[] = [];
  for (const segment of pathname.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(uriEncode(segment));
  }
  if (segments.length === 0) return "/";
  return `/${segments.join("/")}${pathname.endsWith("/") ? "/" : ""}`;
}

/** Canonical query: each name and value decoded, re-encoded per RFC 3986, then sorted. */
export function canonicalQuery(search: string): string {
  const pairs: [string, string][] = [];
  for (const part of search.replace(/^\?/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? "" : part.slice(eq + 1);
    pairs.push([uriEncode(safeDecode(name)), uriEncode(safeDecode(value))]);
  }
  pairs.sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Header value as SigV4 signs it: trimmed, runs of whitespace collapsed to one space. */
export function canonicalHeaderValue(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

export interface CanonicalRequestInput {
  method: string;
  url: URL;
  signedHeaders: readonly string[];
  /** Value of a signed header as received (a fetch Headers joins duplicates with ", "). */
  headerValue: (name: string) => string;
  payloadHash: string;
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const headers = input.signedHeaders
    .map((name) => `${name}:${canonicalHeaderValue(input.headerValue(name))}\n`)
    .join("");
  return [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname),
    canonicalQuery(input.url.search),
    headers,
    input.signedHeaders.join(";"),
    input.payloadHash,
  ].join("\n");
}
