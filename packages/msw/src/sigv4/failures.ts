import type { SigV4ErrorCode, VerifyFailure } from "./types";

const STATUS: Record<SigV4ErrorCode, 400 | 403> = {
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 400,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
};

export function failure(
  code: SigV4ErrorCode,
  message: string,
  extra?: Omit<VerifyFailure, "ok" | "code" | "message" | "status">,
): VerifyFailure {
  return { ok: false, code, message, status: STATUS[code], ...extra };
}

export const MESSAGES = {
  missingToken: "Missing Authentication Token",
  invalidToken: "The security token included in the request is invalid.",
  expiredToken: "The security token included in the request is expired",
  signatureMismatch:
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  invalidRegion: "Credential should be scoped to a valid region.",
  invalidService: (service: string): string =>
    `Credential should be scoped to correct service: '${service}'.`,
  invalidTerminator: (got: string): string =>
    `Credential should be scoped with a valid terminator: 'aws4_request', not '${got}'.`,
  scopeDate: (scopeDate: string, amzDate: string): string =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
  hostMustBeSigned: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  mustBeSigned: (header: string): string =>
    `'${header}' must be a 'SignedHeader' in the AWS Authorization.`,
  badDate: (value: string): string =>
    `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  credentialParts: (credential: string): string =>
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  signatureExpired: (amzDate: string, earliest: string, now: string, minutes: number): string =>
    `Signature expired: ${amzDate} is now earlier than ${earliest} (${now} - ${minutes} min.)`,
  signatureNotYetCurrent: (amzDate: string, latest: string, now: string, minutes: number): string =>
    `Signature not yet current: ${amzDate} is still later than ${latest} (${now} + ${minutes} min.)`,
  algorithm: (algorithm: string): string =>
    `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now).`,
} as const;
