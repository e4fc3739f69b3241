import { forwardedRequestHeaders } from "./headers";
import type { RelayMode } from "./internal/mode";
import { checkSignature } from "./signature";

/**
 * The default mode: the browser signed the request for the real host; the relay checks it
 * looks signed and passes the signed headers on as they came. It adds no credentials, so
 * whoever calls can do exactly what their own credentials allow, and no more.
 */
export const forwardSigned: RelayMode = {
  async admit({ request }) {
    const check = checkSignature(request.headers);
    return check.ok ? undefined : check.refusal;
  },
  async headers({ request }) {
    const check = checkSignature(request.headers);
    if (!check.ok) return check.refusal;
    // The signature itself, and every header it covers.
    return forwardedRequestHeaders(
      request.headers,
      new Set([...check.signedHeaders, "authorization"]),
    );
  },
};
