import { BearerTokenError } from "../bearer/BearerTokenError";
import type { BearerTokenSource } from "../bearer/createBearerTokenSource";

export interface BearerTokenFetchOptions {
  /** Where tokens come from: `createBearerTokenSource(...)`. */
  tokens: BearerTokenSource;
  /**
   * The only origin (`https://host[:port]`) the token may be sent to; a request for any other
   * fails with a `BearerTokenError` before it leaves.
   */
  origin: string;
  /**
   * The fetch to send with.
   * @default globalThis.fetch (looked up at each request, so that mocks apply)
   */
  fetch?: typeof fetch;
}

/**
 * A `fetch` that puts a token from the source (made fresh when the last nears expiry) on each
 * request as `Authorization: Bearer …`, replacing any the caller set (an OpenAI client's
 * placeholder API key), and that refuses to send it to any origin but the route's.
 */
export function bearerTokenFetch({
  tokens,
  origin,
  fetch: given,
}: BearerTokenFetchOptions): typeof fetch {
  const allowed = new URL(origin).origin;
  return async (input, init) => {
    const isRequest = typeof Request !== "undefined" && input instanceof Request;
    const target = new URL(isRequest ? input.url : String(input)).origin;
    if (target !== allowed) {
      throw new BearerTokenError(
        "url",
        `bearerTokenFetch: refused to send the bearer token to ${target}; it goes to ${allowed} only.`,
      );
    }
    const headers = new Headers(isRequest ? input.headers : undefined);
    for (const [name, value] of new Headers(init?.headers)) headers.set(name, value);
    headers.set("authorization", `Bearer ${await tokens()}`);
    return (given ?? globalThis.fetch)(input, { ...init, headers });
  };
}
