/**
 * CORS as the relay answers it. The page sends `Authorization`, `X-Amz-*` and
 * `X-Amzn-SageMaker-*` headers, so every call is preflighted; the answer's headers the client
 * reads must be exposed: `Date` (clock-skew correction), `Retry-After` and `x-amzn-*`
 * (request id, error type, variant, session ids, custom attributes).
 */

/** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = "7200";
// A header name (RFC 9110 token): anything else in a preflight's list is not echoed.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Adds the CORS headers of an answer to `origin` (none when the request had no `Origin`). */
export function addCors(headers: Headers, origin: string | null): Headers {
  // The answer depends on `Origin`, whatever it is: caches must keep one per origin.
  headers.append("vary", "Origin");
  if (origin === null) return headers;
  headers.set("access-control-allow-origin", origin);
  const exposed = [...headers.keys()].filter(
    (name) => name === "date" || name === "retry-after" || name.startsWith("x-amz"),
  );
  if (exposed.length > 0) headers.set("access-control-expose-headers", exposed.join(", "));
  return headers;
}

/** The answer to a preflight the relay accepts: POST, with the headers the page asked for. */
export function preflightResponse(
  origin: string | null,
  requestedHeaders: string | null,
): Response {
  const headers = new Headers({
    "access-control-allow-methods": "POST",
    "access-control-max-age": PREFLIGHT_MAX_AGE_SECONDS,
    // The answer echoes them: a cache must not give it to a preflight that asked for others.
    vary: "Access-Control-Request-Headers",
  });
  const names = (requestedHeaders ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => TOKEN.test(name));
  // Echoed rather than listed: what reaches SageMaker is decided when forwarding (the
  // signature covers it), not here.
  if (names.length > 0) headers.set("access-control-allow-headers", names.join(", "));
  return new Response(null, { status: 204, headers: addCors(headers, origin) });
}
