// What a signing relay bundles: the relay, its signing mode and core's signer.
import { createRelay } from "@sagefetch/relay/signing";

export default createRelay;
