import { signRequest } from "@sagefetch/core";
import { demoCredentials } from "@sagefetch/msw";

export const HOST = "runtime.sagemaker.us-east-1.amazonaws.com";
export const RELAY = "https://relay.example.com";
export const PAGE = "https://app.example.com";
export const INVOKE = "/endpoints/echo/invocations";

export interface SignedOptions {
  host?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Sent as `Origin`; `null` for none. @default PAGE */
  origin?: string | null;
  relay?: string;
  region?: string;
}

/** A request as sagefetch sends it to the relay: signed in the "browser" for the real host. */
export async function signedRequest(options: SignedOptions = {}): Promise<Request> {
  const host = options.host ?? HOST;
  const path = options.path ?? INVOKE;
  const body = new TextEncoder().encode(options.body ?? '{"inputs":"hi"}');
  const signed = await signRequest(
    "POST",
    new URL(`https://${host}${path}`),
    { "content-type": "application/json", ...options.headers },
    body,
    {
      credentials: demoCredentials,
      region: options.region ?? "us-east-1",
      service: "sagemaker",
      date: new Date(),
    },
  );
  const origin = options.origin === undefined ? PAGE : options.origin;
  return new Request(`${options.relay ?? RELAY}/${host}${path}`, {
    method: "POST",
    headers: { ...signed, ...(origin === null ? {} : { origin }) },
    body,
  });
}

/** A relay request that is not signed at all. */
export function unsignedRequest(path = `/${HOST}${INVOKE}`, init: RequestInit = {}): Request {
  return new Request(`${RELAY}${path}`, {
    method: "POST",
    body: "{}",
    ...init,
    headers: { origin: PAGE, "content-type": "application/json", ...init.headers },
  });
}

/** A fetch standing in for SageMaker Runtime: records each call and answers with `respond`. */
export function upstream(respond: (request: Request) => Response | Promise<Response> = ok): {
  fetch: typeof globalThis.fetch;
  calls: Request[];
} {
  const calls: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(request.clone());
    return respond(request);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function ok(): Response {
  return new Response('{"ok":true}', {
    status: 200,
    headers: {
      "content-type": "application/json",
      date: new Date().toUTCString(),
      "x-amzn-requestid": "req-1",
      "x-amzn-invoked-production-variant": "AllTraffic",
    },
  });
}
