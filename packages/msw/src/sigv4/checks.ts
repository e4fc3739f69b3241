import { formatAmzDate } from "../internal/amzDate";
import type { CredentialScope } from "./authorization";
import { failure, MESSAGES } from "./failures";
import type { VerifyFailure, VerifyOptions } from "./types";

export function checkClock(
  amzDate: string,
  date: Date,
  now: Date,
  maxSkewMs: number,
): VerifyFailure | undefined {
  const minutes = maxSkewMs / 60_000;
  const nowText = formatAmzDate(now);
  if (date.getTime() < now.getTime() - maxSkewMs) {
    const earliest = formatAmzDate(now.getTime() - maxSkewMs);
    const message = MESSAGES.signatureExpired(amzDate, earliest, nowText, minutes);
    return failure("InvalidSignatureException", message);
  }
  if (date.getTime() > now.getTime() + maxSkewMs) {
    const latest = formatAmzDate(now.getTime() + maxSkewMs);
    const message = MESSAGES.signatureNotYetCurrent(amzDate, latest, nowText, minutes);
    return failure("InvalidSignatureException", message);
  }
  return undefined;
}

/** Host and X-Amz-Date must be signed, and X-Amz-Security-Token when the request has one. */
export function checkSignedHeaders(
  request: Request,
  signed: readonly string[],
  options: VerifyOptions,
): VerifyFailure | undefined {
  if (!signed.includes("host") && !signed.includes(":authority")) {
    return failure("InvalidSignatureException", MESSAGES.hostMustBeSigned);
  }
  if (!signed.includes("x-amz-date")) {
    return failure("InvalidSignatureException", MESSAGES.mustBeSigned("X-Amz-Date"));
  }
  const tokenMustBeSigned = options.requireSignedSecurityToken ?? true;
  if (tokenMustBeSigned && request.headers.has("x-amz-security-token")) {
    if (!signed.includes("x-amz-security-token")) {
      return failure("InvalidSignatureException", MESSAGES.mustBeSigned("X-Amz-Security-Token"));
    }
  }
  return undefined;
}

/** Region, service, terminator and date of the credential scope; problems reported together. */
export function checkScope(
  scope: CredentialScope,
  amzDate: string,
  options: VerifyOptions,
): VerifyFailure | undefined {
  const regionOk =
    scope.region !== "" && (options.region === undefined || scope.region === options.region);
  const problems = [
    regionOk ? "" : MESSAGES.invalidRegion,
    scope.service !== options.service ? MESSAGES.invalidService(options.service) : "",
    scope.terminator !== "aws4_request" ? MESSAGES.invalidTerminator(scope.terminator) : "",
    scope.date !== amzDate.slice(0, 8) ? MESSAGES.scopeDate(scope.date, amzDate) : "",
  ].filter((problem) => problem !== "");
  return problems.length > 0 ? failure("InvalidSignatureException", problems.join(" ")) : undefined;
}
