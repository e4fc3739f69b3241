import type { Refusal } from "./refusal";

// The shape of a SigV4 `Authorization` header: credential scope, signed header names, and a
// hex signature. Whether it is right is the service's to say; the relay checks that it is
// there, for SageMaker, and binds the host.
const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=[^/\s,]+\/(\d{8})\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*), ?Signature=[0-9a-f]{64}$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;

/** The headers a SigV4-signed request's signature covers, or why it does not look signed. */
export type SignatureCheck =
  | { ok: true; signedHeaders: ReadonlySet<string> }
  | { ok: false; refusal: Refusal };

const incomplete = (what: string): SignatureCheck => ({
  ok: false,
  refusal: {
    status: 400,
    code: "IncompleteSignatureException",
    message: `The relay forwards only requests signed with SigV4 for SageMaker Runtime: ${what}.`,
  },
});

/**
 * Whether a request looks signed with SigV4 for SageMaker Runtime (`sagemaker` scope, `host`
 * and `x-amz-date` signed). A request that does not is refused before it costs an upstream
 * call; one that does is forwarded, and SageMaker Runtime checks the signature itself.
 */
export function checkSignature(headers: Headers): SignatureCheck {
  const authorization = headers.get("authorization");
  if (authorization === null) {
    return {
      ok: false,
      refusal: {
        status: 403,
        code: "MissingAuthenticationTokenException",
        message:
          "The relay forwards only requests signed with SigV4 for SageMaker Runtime: Authorization is missing.",
      },
    };
  }
  const match = SIGV4.exec(authorization);
  if (!match) return incomplete("Authorization is not a SigV4 AWS4-HMAC-SHA256 header");
  const [, day, service, names] = match as unknown as [string, string, string, string];
  if (service !== "sagemaker") return incomplete("the credential scope is not for sagemaker");
  const signedHeaders = new Set(names.split(";"));
  if (!signedHeaders.has("host")) return incomplete("the host is not signed");
  if (!signedHeaders.has("x-amz-date")) return incomplete("X-Amz-Date is not signed");
  const date = AMZ_DATE.exec(headers.get("x-amz-date") ?? "");
  if (!date) return incomplete("X-Amz-Date is missing or not yyyyMMddTHHmmssZ");
  if (date[1] !== day) return incomplete("X-Amz-Date is not on the credential scope's day");
  return { ok: true, signedHeaders };
}
