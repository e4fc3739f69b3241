import { forwardSigned } from "./forwardSigned";
import { type RelayHandler, relayHandler } from "./internal/relayHandler";
import { type RelayOptions, resolveOptions } from "./options";
import { RelayConfigError } from "./RelayConfigError";

/**
 * A CORS relay for SageMaker Runtime, as a web-standard `(Request) => Promise<Response>`
 * handler. It forwards requests the browser signed for the real host, unchanged, to SageMaker
 * Runtime (and nowhere else), and streams the answer back with CORS headers. It holds no AWS
 * secret and adds no credentials: the signature covers host, path, headers and body, so the
 * relay can neither change a request nor reach another service.
 *
 * The client sends `{relay}/{host}/endpoints/{EndpointName}/{operation}`: sagefetch does it
 * when given `relay: "https://relay.example.com"`.
 *
 * @example
 * // A Cloudflare Worker
 * import { createRelay } from "@sagefetch/relay";
 * const relay = createRelay({ allowedOrigins: ["https://app.example.com"] });
 * export default { fetch: (request: Request) => relay(request) };
 */
export function createRelay(options: RelayOptions = {}): RelayHandler {
  if (typeof options === "object" && options !== null && "signing" in options) {
    throw new RelayConfigError(
      "signing",
      'needs createRelay from "@sagefetch/relay/signing" (the forwarding relay bundles no signer)',
    );
  }
  return relayHandler(resolveOptions(options), forwardSigned);
}
