// @sagefetch/relay/signing: the relay that signs with its own credentials, for apps that keep
// credentials at the edge. A subpath because it bundles sagefetch's SigV4 signer
// (@sagefetch/core, an optional peer dependency), which the forwarding relay never needs.

import { forwardSigned } from "../forwardSigned";
import type { RelayHandler } from "../internal/relayHandler";
import { relayHandler } from "../internal/relayHandler";
import { type RelayOptions, resolveOptions } from "../options";
import { RelayConfigError } from "../RelayConfigError";
import { type RelaySigning, signWithOwnCredentials } from "./signWithOwnCredentials";

export type { RelayHandler } from "../internal/relayHandler";
export type { Allowed, RelayOptions } from "../options";
export { RelayConfigError } from "../RelayConfigError";
export type { GuardedHeader, HeaderRule } from "./signedHeaders";
export type { RelaySigning } from "./signWithOwnCredentials";

/** Options of the signing relay: the relay's, plus the signing mode. */
export interface SigningRelayOptions extends RelayOptions {
  /**
   * Sign with the relay's own credentials every request that `authorize` allows, instead of
   * forwarding the browser's signature. Without it, this relay forwards as `@sagefetch/relay`'s.
   * @default undefined (forward requests signed in the browser)
   */
  signing?: RelaySigning;
}

/**
 * `createRelay` with the signing mode: for apps whose users hold no AWS credentials, the relay
 * signs each call `signing.authorize` allows with its own. It needs `allowedOrigins`, and signs
 * only each operation's own headers, refusing those that pick an S3 input, a model, a variant,
 * a container or an inference component unless `signing.allowHeaders` (or
 * `signing.inputLocations`) allows them. Everything else — hosts, paths, origins, endpoints,
 * CORS, streaming — is the forwarding relay's.
 *
 * @example
 * import { createRelay } from "@sagefetch/relay/signing";
 * const relay = createRelay({
 *   allowedOrigins: ["https://app.example.com"],
 *   allowedEndpoints: ["my-llm"],
 *   signing: {
 *     credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
 *     authorize: (request) => verifyCognitoJwt(request.headers.get("authorization")),
 *   },
 * });
 */
export function createRelay(options: SigningRelayOptions = {}): RelayHandler {
  const resolved = resolveOptions(options);
  const mode =
    options.signing === undefined
      ? forwardSigned
      : signWithOwnCredentials(options.signing, resolved.extraUpstreams);
  // A page of any site could otherwise have its visitors' browsers send calls the relay signs
  // (a "simple" POST needs no preflight, and carries their cookies): with a list, a request
  // must come from an allowed origin, and one without `Origin` is refused.
  if (options.signing !== undefined && options.allowedOrigins === undefined) {
    throw new RelayConfigError(
      "allowedOrigins",
      "is required with signing: the origins of the pages whose calls the relay signs",
    );
  }
  return relayHandler(resolved, mode);
}
