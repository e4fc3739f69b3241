import { createRelay } from "@sagefetch/relay";
import { type Env, listOf, readEnv } from "../lib/env";

export const config = { runtime: "edge" };

type Relay = (request: Request) => Promise<Response>;
let relay: { env: Env; handler: Relay } | undefined;

/** One relay per set of environment variables (the same for every request of a deployment). */
function relayFor(env: Env): Relay {
  if (relay?.env !== env) {
    const origins = listOf(env.ALLOWED_ORIGINS);
    const endpoints = listOf(env.RELAY_ENDPOINTS);
    const handler = createRelay({
      // Unset or `*`: any page may relay calls it signed itself (the relay holds no secret).
      allowedOrigins: origins.length === 0 || origins.includes("*") ? undefined : origins,
      allowedEndpoints: endpoints.length === 0 ? undefined : endpoints,
      extraUpstreams: listOf(env.RELAY_EXTRA_UPSTREAMS),
    });
    relay = { env, handler };
  }
  return relay.handler;
}

/**
 * vercel.json rewrites `/relay/:path*` here. The function sees the URL the browser asked for,
 * with the rewrite's `path` added to the query; the relay forwards the query as signed (none,
 * for SageMaker Runtime), so that parameter is taken out again.
 */
function asSigned(request: Request): Request {
  const url = new URL(request.url);
  const path = url.searchParams.get("path");
  if (path === null) return request;
  url.searchParams.delete("path");
  // Reached as /api/relay?path=…: the relay reads the host and operation from the path.
  if (!url.pathname.startsWith("/relay/")) url.pathname = `/relay/${path}`;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    // @ts-expect-error: `duplex` (needed for a streamed body) is not in TypeScript's DOM types yet
    duplex: "half",
  });
}

/** Browser-signed calls, forwarded unchanged to SageMaker Runtime, with CORS. */
export default function relayRoute(request: Request): Promise<Response> {
  return relayFor(readEnv())(asSigned(request));
}
