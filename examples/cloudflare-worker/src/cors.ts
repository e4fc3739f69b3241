/**
 * CORS for `/api/chat`: pages of the Worker's own origin may always call it; pages of another
 * origin only when `ALLOWED_ORIGINS` lists it (or is `*`). `undefined`: refused.
 */
export function corsHeaders(
  request: Request,
  allowedOrigins: readonly string[],
): Record<string, string> | undefined {
  const origin = request.headers.get("origin");
  // Not a browser (no Origin), or a page of this very origin: no CORS needed.
  if (origin === null || origin === new URL(request.url).origin) return {};
  if (!allowedOrigins.includes("*") && !allowedOrigins.includes(origin)) return undefined;
  return { "access-control-allow-origin": origin, vary: "Origin" };
}

/** The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function preflight(cors: Record<string, string>): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "600",
    },
  });
}
