/**
 * An error answer of Cognito Identity (or STS). Throw one from a login validator to choose
 * the answer: `throw cognitoError("ExternalServiceException", "Facebook is down")`.
 */
export class CognitoServiceError extends Error {
  override readonly name = "CognitoServiceError";

  constructor(
    readonly code: string,
    message: string,
    readonly status: number = code === "InternalErrorException" ? 500 : 400,
  ) {
    super(message);
  }
}

/** A CognitoServiceError, recognised by shape (a copy of the package loaded twice still counts). */
export function isCognitoServiceError(error: unknown): error is CognitoServiceError {
  if (error instanceof CognitoServiceError) return true;
  const candidate = error as Partial<CognitoServiceError> | null;
  return (
    candidate instanceof Error &&
    candidate.name === "CognitoServiceError" &&
    typeof candidate.code === "string" &&
    typeof candidate.status === "number"
  );
}

/** A Cognito Identity error answer: 400, or 500 for InternalErrorException unless `status` says. */
export function cognitoError(code: string, message: string, status?: number): CognitoServiceError {
  return new CognitoServiceError(code, message, status);
}

/** Cognito Identity's own words, as its answers carry them. */
export const COGNITO_MESSAGES = {
  unauthenticated: "Unauthenticated access is not supported for this identity pool.",
  loginsDontMatch:
    "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  unsupportedProvider: "Token is not from a supported provider of this identity pool.",
  invalidToken: "Invalid login token. Couldn't verify signed token.",
  issuerMismatch: "Invalid login token. Issuer doesn't match providerName",
  /** Seconds since the epoch: the server's now, then the token's expiry. */
  tokenExpired: (nowSeconds: number, expSeconds: number): string =>
    `Invalid login token. Token expired: ${nowSeconds} >= ${expSeconds}`,
  poolNotFound: (id: string): string => `IdentityPool '${id}' not found.`,
  identityNotFound: (id: string): string => `Identity '${id}' not found.`,
  noRole: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
  classicFlowDisabled: "Basic (classic) flow is not enabled, please use enhanced flow.",
  rateExceeded: "Rate exceeded",
} as const;

export const notAuthorized = (message: string): CognitoServiceError =>
  new CognitoServiceError("NotAuthorizedException", message);
