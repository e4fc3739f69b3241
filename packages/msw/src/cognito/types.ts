import type { RequestHandler } from "msw";
import type { CredentialStore } from "../credentials/CredentialStore";
import type { CognitoFaultQueue } from "./CognitoFaultQueue";
import type { IdentityStore } from "./IdentityStore";
import type { IssuedCredentials } from "./mint";

/** The operations the mock plays: Cognito Identity's three unsigned ones, and STS's. */
export type CognitoOperationName =
  | "GetId"
  | "GetCredentialsForIdentity"
  | "GetOpenIdToken"
  | "AssumeRoleWithWebIdentity";

/** What a login validator is told besides the token. */
export interface LoginContext {
  providerName: string;
  identityPoolId: string;
  /** The mock's clock, epoch ms. */
  now: number;
}

/**
 * Checks a login token of one provider and returns the user's subject (a stable user id), or
 * undefined to refuse it (NotAuthorizedException "Invalid login token. Couldn't verify signed
 * token."). Throw `cognitoError(...)` to refuse with another code or message; anything else
 * thrown is answered as ExternalServiceException (the provider failed).
 */
export type LoginValidator = (
  token: string,
  context: LoginContext,
) => string | undefined | Promise<string | undefined>;

export interface IdentityPoolOptions {
  /** Guests (GetId without logins) get identities and credentials. Default: true. */
  allowUnauthenticated?: boolean;
  /** Login providers by name (`accounts.google.com`, `cognito-idp.us-east-1.amazonaws.com/us-east-1_x`, ...). */
  providers?: Readonly<Record<string, LoginValidator>>;
  /** GetOpenIdToken (the basic flow) is allowed. Default: true (as for a pool created without the setting). */
  allowClassicFlow?: boolean;
  /**
   * The pool's roles; `false` for none (GetCredentialsForIdentity then answers
   * InvalidIdentityPoolConfigurationException). Default: `arn:aws:iam::{accountId}:role/Cognito_{Auth|Unauth}_Role`.
   */
  roles?: { authenticated?: string | false; unauthenticated?: string | false };
}

/** The claims of an OpenID token the mock issued, as STS reads them. */
export interface OpenIdClaims {
  iss: string;
  /** The identity id. */
  sub: string;
  /** The identity pool id. */
  aud: string;
  /** `["unauthenticated"]`, or `["authenticated", provider, "provider:subject", ...]`. */
  amr: string[];
  iat: number;
  exp: number;
}

export interface CognitoIdentityHandlersOptions {
  /** Pools by id (`us-east-1:1a2b3c4d-...`); a pool is served in the region its id starts with. */
  identityPools: Readonly<Record<string, IdentityPoolOptions>>;
  /**
   * Where the credentials the mock issues are accepted: a `sageMakerHandlers` mock, or a
   * `CredentialStore` (given to `sageMakerHandlers({ credentials })`). Default: a store of its
   * own, `mock.credentials`.
   */
  issueTo?: { credentials: CredentialStore } | CredentialStore;
  /** Lifetime of GetCredentialsForIdentity's credentials. Default: 3600. */
  credentialTtlSeconds?: number;
  /** Lifetime of GetOpenIdToken's tokens. Default: 600 (Cognito's 10 minutes). */
  openIdTokenTtlSeconds?: number;
  /** The longest STS session the roles allow (their MaxSessionDuration). Default: 3600. */
  maxSessionDurationSeconds?: number;
  /** Whether STS lets a token assume a role (else 403 AccessDenied). Default: every role. */
  canAssumeRole?: (roleArn: string, claims: OpenIdClaims) => boolean;
  /** The clock, epoch ms. Give the SageMaker mock the same one. Default: `Date.now`. */
  now?: () => number;
  /** The region `hosts` and `stsHosts` serve; pools of other regions are not found there. Default: any. */
  region?: string;
  /** Extra base URLs that answer as Cognito Identity (`http://localhost:4566`). */
  hosts?: readonly string[];
  /** Extra base URLs that answer as STS. */
  stsHosts?: readonly string[];
  /** Used in role ARNs. Default: `123456789012`. */
  accountId?: string;
}

/** One request as it arrived, for assertions. */
export interface CognitoRequest {
  service: "cognito-identity" | "sts";
  /** Undefined for a request no operation of the mock matched. */
  operation: CognitoOperationName | undefined;
  identityPoolId: string | undefined;
  identityId: string | undefined;
  /** The request carried a non-empty `Logins` map. */
  loginsPresent: boolean;
  /** Provider names of `Logins`. */
  loginProviders: string[];
  /** `CustomRoleArn` (GetCredentialsForIdentity) or `RoleArn` (STS). */
  roleArn: string | undefined;
  method: string;
  url: string;
  /** Names in lowercase. */
  headers: Record<string, string>;
  body: string;
  requestId: string;
  /** Status answered; 0 for a dropped connection. */
  status: number;
  /** The error code answered, if any. */
  errorCode: string | undefined;
  /** The access key id issued, if any. */
  accessKeyId: string | undefined;
}

export interface CognitoIdentityMock {
  /** Pass to `setupServer(...handlers)` / `setupWorker(...handlers)`. */
  handlers: RequestHandler[];
  /** Every request that arrived, oldest first. */
  requests: CognitoRequest[];
  /** Faults for the next requests (Cognito and STS alike). */
  faults: CognitoFaultQueue;
  /** The identities made so far, with the logins linked to them. */
  identities: IdentityStore;
  /** Where issued credentials go (`issueTo`'s store). */
  credentials: CredentialStore;
  /** Every credential issued, oldest first. */
  issued: IssuedCredentials[];
  /** Clears requests, faults, identities, and revokes the credentials issued. */
  reset(): void;
}
