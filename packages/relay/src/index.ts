// @sagefetch/relay: the forwarding relay. Web-standard APIs only, no dependency; the signing
// mode, which bundles sagefetch's signer, is `@sagefetch/relay/signing`.
export { createRelay } from "./createRelay";
export type { RelayHandler } from "./internal/relayHandler";
export type { Allowed, RelayOptions } from "./options";
export { RelayConfigError } from "./RelayConfigError";
