import type { AwsCredentialIdentity } from "../credentials/types";
import { canonicalQuery, escapeUri } from "../signing/canonicalRequest";
import { hmacSha256, sha256 } from "../signing/sha256";
import { signingKey } from "../signing/signingKey";
import { hex } from "../signing/signRequest";
import { BearerTokenError } from "./BearerTokenError";

/*
 * The bearer token of SageMaker's OpenAI-compatible route, as the SageMaker Python SDK's token
 * generator makes it: a SigV4 query presigning (botocore's `SigV4QueryAuth`) of
 * `POST https://sagemaker.amazonaws.com/?Action=CallWithBearerToken`, without its scheme, plus
 * `&Version=1`, in Base64 behind `sagemaker-api-key-`. What makes it byte-equal to botocore's:
 * the payload hash is that of an empty body, the query keeps botocore's order (the session
 * token after `X-Amz-SignedHeaders`), and `&Version=1` is appended after signing, unsigned.
 */

/** What every SageMaker bearer token starts with. */
export const BEARER_TOKEN_PREFIX = "sagemaker-api-key-";
/** The longest lifetime the service accepts, and the default: 12 hours, in seconds. */
export const MAX_BEARER_TOKEN_LIFETIME = 43_200;
// The same host for every region: the region is in the credential scope only.
const HOST = "sagemaker.amazonaws.com";
const ALGORITHM = "AWS4-HMAC-SHA256";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const encoder = /* @__PURE__ */ new TextEncoder();

export interface BearerTokenOptions {
  /** The AWS credentials the token stands for (with their session token, if temporary). */
  credentials: AwsCredentialIdentity;
  /** The region of the endpoints the token is for, e.g. `us-east-1`. */
  region: string;
  /**
   * How long the token is good for, in whole seconds, from 1 to 43,200 (12 hours). Temporary
   * credentials stop it sooner, when they expire.
   * @default 43200
   */
  expiresIn?: number;
  /**
   * The signing time; the token is good from then for `expiresIn` seconds.
   * @default new Date() (read at each call)
   */
  signingDate?: Date;
}

/** Throws the typed error for an option, naming it (never its value: it may be a secret). */
function invalid(field: string, detail: string): never {
  throw new BearerTokenError(field, `createBearerToken: ${field} ${detail}.`);
}

/** Checks the options a token is made from; shared with the token source. */
export function checkBearerTokenOptions(region: unknown, expiresIn: unknown): void {
  if (typeof region !== "string" || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(region)) {
    invalid("region", "must be a region name such as us-east-1");
  }
  if (
    typeof expiresIn !== "number" ||
    !Number.isInteger(expiresIn) ||
    expiresIn < 1 ||
    expiresIn > MAX_BEARER_TOKEN_LIFETIME
  ) {
    invalid(
      "expiresIn",
      `must be a whole number of seconds from 1 to ${MAX_BEARER_TOKEN_LIFETIME}`,
    );
  }
}

/**
 * Makes a bearer token for SageMaker's OpenAI-compatible route (`Authorization: Bearer …`),
 * locally, with no network call. It is good for any endpoint the credentials may invoke in
 * that region until it expires: treat it as a password.
 * @example
 * const token = createBearerToken({ credentials, region: "us-east-1", expiresIn: 3600 });
 */
export function createBearerToken({
  credentials,
  region,
  expiresIn = MAX_BEARER_TOKEN_LIFETIME,
  signingDate = new Date(),
}: BearerTokenOptions): string {
  checkBearerTokenOptions(region, expiresIn);
  if (typeof credentials?.accessKeyId !== "string" || !credentials.accessKeyId) {
    invalid("credentials", "must have a non-empty accessKeyId and secretAccessKey");
  }
  if (typeof credentials.secretAccessKey !== "string" || !credentials.secretAccessKey) {
    invalid("credentials", "must have a non-empty accessKeyId and secretAccessKey");
  }
  if (!(signingDate instanceof Date) || Number.isNaN(signingDate.getTime())) {
    invalid("signingDate", "must be a valid Date");
  }
  const amzDate = signingDate.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/sagemaker/aws4_request`;
  // botocore's order: the operation's parameters, then the auth parameters as it lists them.
  const params: [string, string][] = [
    ["Action", "CallWithBearerToken"],
    ["X-Amz-Algorithm", ALGORITHM],
    ["X-Amz-Credential", `${credentials.accessKeyId}/${scope}`],
    ["X-Amz-Date", amzDate],
    ["X-Amz-Expires", String(expiresIn)],
    ["X-Amz-SignedHeaders", "host"],
  ];
  if (credentials.sessionToken) params.push(["X-Amz-Security-Token", credentials.sessionToken]);
  const request = `POST\n/\n${canonicalQuery(new URLSearchParams(params))}\nhost:${HOST}\n\nhost\n${EMPTY_SHA256}`;
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${hex(sha256(encoder.encode(request)))}`;
  const key = signingKey(credentials, day, region, "sagemaker");
  const signature = hex(hmacSha256(key, encoder.encode(stringToSign)));
  const query = params.map(([name, value]) => `${name}=${escapeUri(value)}`).join("&");
  // Every character of the presigned URL is ASCII, so btoa gives the Base64 of its UTF-8 bytes.
  return BEARER_TOKEN_PREFIX + btoa(`${HOST}/?${query}&X-Amz-Signature=${signature}&Version=1`);
}
