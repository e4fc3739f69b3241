/**
 * CORS for browser clients (SageMaker Runtime itself sends none: `--cors` is an emulator
 * convenience). Any origin is allowed; the answer's own headers are exposed per response.
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin === undefined
    ? { "access-control-allow-origin": "*" }
    : { "access-control-allow-origin": origin, vary: "Origin" };
}

/** The answer to a preflight: the methods the service has, and whatever headers were asked for. */
export function preflightHeaders(
  origin: string | undefined,
  requestedHeaders: string | undefined,
): Record<string, string> {
  return {
    ...corsHeaders(origin),
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers":
      requestedHeaders ??
      "authorization, content-type, x-amz-date, x-amz-security-token, x-amz-content-sha256, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request",
    "access-control-max-age": "600",
    "content-length": "0",
  };
}
