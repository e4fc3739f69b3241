import { addCors, preflightResponse } from "../cors";
import { returnedResponseHeaders } from "../headers";
import { sageMakerRuntimeRegion } from "../hosts";
import type { ResolvedOptions } from "../options";
import { readBody } from "../readBody";
import { type Refusal, refusalResponse } from "../refusal";
import { parseRoute } from "../route";
import type { RelayCall, RelayMode } from "./mode";

/** A web-standard request handler: a Worker's `fetch`, an Edge function, `Deno.serve`'s. */
export type RelayHandler = (request: Request) => Promise<Response>;

/** Host names echoed in refusals are cut to this length. */
const ECHO_MAX = 100;

/** The answer when an app's hook or the signer throws: what it threw is not the caller's. */
const INTERNAL_FAILURE: Refusal = {
  status: 500,
  code: "InternalFailure",
  message: "The relay failed to handle this request.",
};

/**
 * The relay's pipeline, one check a step, cheapest first: origin, method (a preflight from an
 * allowed origin is answered here), route (no query), host, endpoint, the mode's admission (a signature, or the app's `authorize`), body; then the
 * upstream call, whose answer is piped back as it arrives. Whatever throws in it (an app's
 * hook, the signer) fails closed: a 500 that says nothing of the error.
 */
export function relayHandler(options: ResolvedOptions, mode: RelayMode): RelayHandler {
  return async (request) => {
    // The origin whose page may read the answer: none until it is allowed.
    let allowedOrigin: string | null = null;
    try {
      const origin = request.headers.get("origin");
      // First, so that no answer (a 405 included) carries CORS headers for an origin not
      // allowed. Refused without them: the browser then blocks the page from the answer, and
      // a preflight from a page of that origin fails before any call is sent.
      if (!(await options.originAllowed(origin))) {
        const who = origin === null ? "A request without Origin" : `Origin ${echo(origin)}`;
        return refusalResponse(
          refuse(403, "AccessDeniedException", `${who} may not use this relay.`),
          null,
        );
      }
      allowedOrigin = origin;
      const preflight =
        request.method === "OPTIONS" && request.headers.has("access-control-request-method");
      const method = preflight
        ? request.headers.get("access-control-request-method")
        : request.method;
      if (method !== "POST") {
        const refusal = refuse(405, "MethodNotAllowedException", "The relay forwards POST only.");
        const response = refusalResponse(refusal, origin);
        response.headers.set("allow", "POST, OPTIONS");
        return response;
      }
      // A preflight from an allowed origin is answered before routing: refused there, the
      // page would only see fetch's bare TypeError. Refused on the actual request instead
      // (with CORS headers), it reaches the page as a typed error with its status.
      if (preflight)
        return preflightResponse(origin, request.headers.get("access-control-request-headers"));
      const call = await route(request, options);
      if ("status" in call) return refusalResponse(call, origin);

      const admitted = await mode.admit(call);
      if (admitted) return refusalResponse(admitted, origin);
      const body = await readBody(request);
      if (body === "too-large") {
        const refusal = refuse(413, "ValidationError", "The request body is over 6 MiB.");
        return refusalResponse(refusal, origin);
      }
      const headers = await mode.headers(call, body);
      if (!(headers instanceof Headers)) return refusalResponse(headers, origin);
      const answer = await forward(call, headers, body, options.fetch());
      return mode.answer ? await mode.answer(answer, headers) : answer;
    } catch {
      return refusalResponse(INTERNAL_FAILURE, allowedOrigin);
    }
  };
}

/** Where the request goes, once its path names an operation on an allowed host and endpoint. */
async function route(request: Request, options: ResolvedOptions): Promise<RelayCall | Refusal> {
  const url = new URL(request.url);
  const parsed = parseRoute(url.pathname);
  if (!parsed.ok) {
    return parsed.reason === "no-operation"
      ? refuse(
          404,
          "UnknownOperationException",
          "The relay forwards SageMaker Runtime's InvokeEndpoint, InvokeEndpointWithResponseStream and InvokeEndpointAsync only, at {relay}/{host}/endpoints/{EndpointName}/{invocations|invocations-response-stream|async-invocations}.",
        )
      : refuse(
          400,
          "ValidationError",
          "The EndpointName in the path is not an endpoint name (1 to 63 letters, digits and hyphens).",
        );
  }
  // No operation of SageMaker Runtime takes a query: one would only be signed and sent along.
  if (url.search) {
    return refuse(
      400,
      "ValidationError",
      "The relay forwards no query string: SageMaker Runtime's operations take none.",
    );
  }
  const { host, path, endpointName } = parsed.route;
  const upstreamOrigin = sageMakerRuntimeRegion(host)
    ? `https://${host}`
    : options.extraUpstreams.get(host);
  if (upstreamOrigin === undefined) {
    return refuse(
      403,
      "AccessDeniedException",
      `The relay forwards to SageMaker Runtime hosts only (runtime.sagemaker.{region}.amazonaws.com and the like), and "${echo(host)}" is not one.`,
    );
  }
  if (!(await options.endpointAllowed(endpointName))) {
    return refuse(
      403,
      "AccessDeniedException",
      `Endpoint ${endpointName} may not be called through this relay.`,
    );
  }
  return {
    request,
    route: parsed.route,
    upstream: new URL(`${upstreamOrigin}${path}`),
  };
}

/** Sends the request upstream and pipes the answer back: status, headers and body as they come. */
async function forward(
  call: RelayCall,
  headers: Headers,
  body: Uint8Array | undefined,
  fetchFn: typeof fetch,
): Promise<Response> {
  const origin = call.request.headers.get("origin");
  let upstream: Response;
  try {
    upstream = await fetchFn(call.upstream.href, {
      method: "POST",
      headers,
      body: body as BodyInit | undefined,
      // SageMaker Runtime never redirects; a relay that followed redirects could be sent anywhere.
      redirect: "manual",
      signal: call.request.signal,
    });
  } catch {
    const refusal = refuse(
      502,
      "BadGatewayException",
      `The relay could not reach ${call.route.host}.`,
    );
    return refusalResponse(refusal, origin);
  }
  if (upstream.status >= 300 && upstream.status <= 399) {
    await upstream.body?.cancel();
    const refusal = refuse(
      502,
      "BadGatewayException",
      `${call.route.host} answered with a redirect.`,
    );
    return refusalResponse(refusal, origin);
  }
  // The body stream itself, not a copy: parts of a response stream reach the page as they come,
  // and the relay holds none of it.
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: addCors(returnedResponseHeaders(upstream.headers), origin),
  });
}

function refuse(status: number, code: string, message: string): Refusal {
  return { status, code, message };
}

function echo(value: string): string {
  return value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value;
}
