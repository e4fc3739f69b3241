import type { CredentialStore } from "../credentials/CredentialStore";
import type { MockCredentials } from "../handlers/types";
import { BASE64_CHARS, randomBase64, randomChars, UPPER_BASE32 } from "../internal/random";

/** Temporary credentials the mock issued, and to whom. */
export interface IssuedCredentials extends MockCredentials {
  sessionToken: string;
  expiration: Date;
  identityId: string;
  roleArn: string;
  operation: "GetCredentialsForIdentity" | "AssumeRoleWithWebIdentity";
}

export interface IssueRequest {
  identityId: string;
  roleArn: string;
  operation: IssuedCredentials["operation"];
  ttlSeconds: number;
}

/**
 * New temporary credentials, shaped as AWS's (`ASIA` + 16 base32 characters, a 40-character
 * secret, a long opaque session token), expiring on a whole second, and accepted by `store`
 * (the SageMaker mock's verifier) until then.
 */
export function issueCredentials(
  store: CredentialStore,
  issued: IssuedCredentials[],
  now: number,
  request: IssueRequest,
): IssuedCredentials {
  const { ttlSeconds, ...to } = request;
  const credentials: IssuedCredentials = {
    accessKeyId: `ASIA${randomChars(UPPER_BASE32, 16)}`,
    secretAccessKey: randomChars(BASE64_CHARS, 40),
    sessionToken: `IQoJb3JpZ2luX2Vj${randomBase64(480)}`,
    expiration: new Date((Math.floor(now / 1000) + ttlSeconds) * 1000),
    ...to,
  };
  store.add(credentials);
  issued.push(credentials);
  return credentials;
}
