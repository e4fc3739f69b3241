import type { Refusal } from "../refusal";
import type { RelayRoute } from "../route";

/** What a request to forward is, once its route is known and allowed. */
export interface RelayCall {
  request: Request;
  route: RelayRoute;
  /** Where it goes: the upstream origin and the signed path (never a query). */
  upstream: URL;
}

/**
 * How the relay gets a request past SageMaker Runtime's authentication: by forwarding the
 * browser's signature (the default), or by signing with its own credentials
 * (`@sagefetch/relay/signing`). Kept apart so that the forwarding relay bundles no signer.
 */
export interface RelayMode {
  /** Refuses a request this mode will not send, before its body is read. */
  admit(call: RelayCall): Promise<Refusal | undefined>;
  /** The headers to send upstream with this body, or a refusal. */
  headers(call: RelayCall, body: Uint8Array | undefined): Promise<Headers | Refusal>;
  /** The upstream's answer as the caller gets it, given the headers sent; as it is if absent. */
  answer?(response: Response, sent: Headers): Promise<Response>;
}
