import { WebCryptoSha256 } from "./WebCryptoSha256";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity } from "../credentials/types";

/** SageMaker Runtime signs as `sagemaker`, not `runtime.sagemaker`. */
export const SIGNING_NAME = "sagemaker";

export interface UnsignedRequest {
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

/**
 * Signs a request with SigV4 and returns the headers to send. `host` is signed but not
 * returned: browsers forbid setting it, and fetch derives the same value from the URL.
 */
export async function signRequest(
  request: UnsignedRequest,
  credentials: AwsCredentialIdentity,
  region: string,
  signingDate: Date,
): Promise<Record<string, string>> {
  const { url } = request;
  const signed = await signerFor(credentials, region).sign(
    {
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: { ...request.headers, host: url.host },
      body: request.body,
    },
    { signingDate },
  );
  const { host: _host, ...headers } = signed.headers as Record<string, string>;
  return headers;
}

// One signer per credentials object and region: the signer caches its derived signing key, so
// keeping it saves four HMACs per call. Memoized credentials keep their identity until refreshed.
const signers = new WeakMap<AwsCredentialIdentity, Map<string, SignatureV4>>();

function signerFor(credentials: AwsCredentialIdentity, region: string): SignatureV4 {
  let byRegion = signers.get(credentials);
  if (!byRegion) {
    byRegion = new Map();
    signers.set(credentials, byRegion);
  }
  let signer = byRegion.get(region);
  if (!signer) {
    signer = new SignatureV4({
      service: SIGNING_NAME,
      region,
      credentials,
      sha256: WebCryptoSha256,
      uriEscapePath: true,
      applyChecksum: true,
    });
    byRegion.set(region, signer);
  }
  return signer;
}
