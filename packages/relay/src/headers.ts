// Connection-level headers (RFC 9110 §7.6.1), and those the platform's fetch sets itself
// (`host` from the upstream URL, `content-length` from the body). Never forwarded either way.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
]);

/** Headers a relay must never pass on: cookies belong to the relay's own origin. */
const NEVER = new Set(["cookie", "set-cookie"]);

/**
 * Answer headers that would set policy for the origin that serves them, which is the relay's:
 * pin it to HTTPS (HSTS), send the browser to another host (Alt-Svc), ask for the page's
 * credentials (WWW-Authenticate), set a cookie, clear its storage or pin its keys.
 */
const ORIGIN_POLICY = new Set([
  "strict-transport-security",
  "alt-svc",
  "www-authenticate",
  "set-cookie2",
  "clear-site-data",
  "public-key-pins",
  "public-key-pins-report-only",
  "expect-ct",
]);

/** Hop-by-hop by nature, or named in this message's `Connection` header. */
function hopByHop(headers: Headers): Set<string> {
  const named = (headers.get("connection") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return new Set([...HOP_BY_HOP, ...NEVER, ...named]);
}

/**
 * The request headers to send upstream: those the signature covers, as they came, plus the
 * ones SageMaker Runtime reads (`Content-Type`, `Accept`, `X-Amz*`, `amz-sdk-*`). The rest —
 * `Origin`, `Referer`, `Sec-Fetch-*`, `User-Agent`, a platform's `CF-*` or `X-Forwarded-*` —
 * stays at the relay: it is not signed, so it cannot matter to the service.
 */
export function forwardedRequestHeaders(incoming: Headers, signed: ReadonlySet<string>): Headers {
  const drop = hopByHop(incoming);
  const out = new Headers();
  for (const [name, value] of incoming) {
    if (drop.has(name)) continue;
    if (signed.has(name) || readBySageMaker(name)) out.set(name, value);
  }
  return out;
}

/** The headers of SageMaker Runtime's operations, and the AWS SDKs' own. */
function readBySageMaker(name: string): boolean {
  return (
    name === "content-type" ||
    name === "accept" ||
    name.startsWith("x-amz-") ||
    name.startsWith("x-amzn-") ||
    name.startsWith("amz-sdk-")
  );
}

/**
 * The answer's headers, for the browser: all of the service's, less hop-by-hop ones, cookies,
 * those that set policy for the relay's origin, and CORS headers (the relay sets its own).
 * fetch hands over a decoded body, so a `Content-Encoding` goes too (as does `Content-Length`:
 * the platform sets it when it knows).
 */
export function returnedResponseHeaders(upstream: Headers): Headers {
  const drop = hopByHop(upstream);
  const out = new Headers();
  for (const [name, value] of upstream) {
    if (drop.has(name) || ORIGIN_POLICY.has(name) || name.startsWith("access-control-")) continue;
    if (name === "content-encoding") continue;
    out.append(name, value);
  }
  return out;
}
