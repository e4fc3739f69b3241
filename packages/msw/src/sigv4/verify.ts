import { parseAmzDate } from "../internal/amzDate";
import { readBody, timingSafeEqual } from "../internal/bytes";
import { sha256Hex } from "../internal/crypto";
import { parseAuthorization, parseCredentialScope } from "./authorization";
import { canonicalRequest } from "./canonical";
import { checkClock, checkScope, checkSignedHeaders } from "./checks";
import { failure, MESSAGES } from "./failures";
import { computeSignature, stringToSign } from "./signature";
import type { CredentialLookup, SecretCredentials, VerifyOptions, VerifyResult } from "./types";

const FIVE_MINUTES = 5 * 60_000;

/**
 * Verifies a request's SigV4 `Authorization` header the way an AWS service front-end
 * does, in AWS's order of checks, and answers with the error code and message AWS uses.
 * The body is read from a clone: the Request stays readable.
 */
export async function verifySigV4(request: Request, options: VerifyOptions): Promise<VerifyResult> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") {
    return failure("MissingAuthenticationTokenException", MESSAGES.missingToken);
  }
  const amzDate = request.headers.get("x-amz-date");
  const auth = parseAuthorization(header, amzDate !== null);
  if (!auth.ok) return auth;
  const date = parseAmzDate(amzDate ?? "");
  if (amzDate === null || date === undefined) {
    return failure("IncompleteSignatureException", MESSAGES.badDate(amzDate ?? ""));
  }
  const now = options.now ?? new Date();
  const skew = checkClock(amzDate, date, now, options.maxSkewMs ?? FIVE_MINUTES);
  if (skew !== undefined) return skew;
  const unsigned = checkSignedHeaders(request, auth.signedHeaders, options);
  if (unsigned !== undefined) return unsigned;
  const scope = parseCredentialScope(auth);
  if (!scope.ok) return scope;
  const scopeProblem = checkScope(scope, amzDate, options);
  if (scopeProblem !== undefined) return scopeProblem;
  const secret = await lookup(options.credentials, scope.accessKeyId);
  if (secret === undefined) return failure("UnrecognizedClientException", MESSAGES.invalidToken);
  const token = request.headers.get("x-amz-security-token");
  if ((secret.sessionToken ?? null) !== token) {
    return failure("UnrecognizedClientException", MESSAGES.invalidToken);
  }
  if (secret.expiration !== undefined && secret.expiration.getTime() <= now.getTime()) {
    return failure("ExpiredTokenException", MESSAGES.expiredToken);
  }

  const body = await readBody(request);
  const payloadHash = await sha256Hex(body);
  const declaredHash = request.headers.get("x-amz-content-sha256");
  if (declaredHash !== null && declaredHash !== payloadHash) {
    return failure("InvalidSignatureException", MESSAGES.signatureMismatch, {
      detail: `x-amz-content-sha256 is ${declaredHash} but the body's SHA-256 is ${payloadHash}`,
    });
  }
  const url = new URL(request.url);
  const creq = canonicalRequest({
    method: request.method,
    url,
    signedHeaders: auth.signedHeaders,
    headerValue: (name) => signedHeaderValue(request, url, body, name),
    payloadHash,
  });
  const sts = await stringToSign(amzDate, scope, creq);
  const expected = await computeSignature(secret.secretAccessKey, scope, sts);
  if (!timingSafeEqual(expected, auth.signature.toLowerCase())) {
    return failure("InvalidSignatureException", MESSAGES.signatureMismatch, {
      detail: "signature mismatch",
      canonicalRequest: creq,
      stringToSign: sts,
    });
  }
  return {
    ok: true,
    accessKeyId: scope.accessKeyId,
    region: scope.region,
    service: scope.service,
    signedHeaders: auth.signedHeaders,
    amzDate,
  };
}

/** Fetch implementations drop Host and Content-Length: rebuild them from the URL and body. */
function signedHeaderValue(request: Request, url: URL, body: Uint8Array, name: string): string {
  const value = request.headers.get(name);
  if (value !== null) return value;
  if (name === "host") return url.host;
  if (name === "content-length") return String(body.byteLength);
  return "";
}

async function lookup(
  credentials: CredentialLookup,
  accessKeyId: string,
): Promise<SecretCredentials | undefined> {
  if (typeof credentials === "function") return credentials(accessKeyId);
  return Object.hasOwn(credentials, accessKeyId) ? credentials[accessKeyId] : undefined;
}
