/** The secret half of a credential, as the verifier looks it up by access key id. */
export interface SecretCredentials {
  secretAccessKey: string;
  /** Temporary credentials: the token the request must carry in `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** Temporary credentials: after this instant they are refused with `ExpiredTokenException`. */
  expiration?: Date;
}

/** Finds the secret for an access key id: a function, or a record keyed by access key id. */
export type CredentialLookup =
  | ((
      accessKeyId: string,
    ) => SecretCredentials | undefined | Promise<SecretCredentials | undefined>)
  | Readonly<Record<string, SecretCredentials>>;

export interface VerifyOptions {
  credentials: CredentialLookup;
  /** Signing name the scope must name, e.g. `sagemaker`. */
  service: string;
  /** When set, a scope naming another region is refused. */
  region?: string;
  /** The server's clock. Default: now. */
  now?: Date;
  /** Allowed distance between `X-Amz-Date` and `now`. Default: 5 minutes. */
  maxSkewMs?: number;
  /** Refuse an `X-Amz-Security-Token` that is not in SignedHeaders. Default: true. */
  requireSignedSecurityToken?: boolean;
}

export type SigV4ErrorCode =
  | "MissingAuthenticationTokenException"
  | "IncompleteSignatureException"
  | "InvalidSignatureException"
  | "UnrecognizedClientException"
  | "ExpiredTokenException";

export interface VerifySuccess {
  ok: true;
  accessKeyId: string;
  region: string;
  service: string;
  /** Lowercase header names, in the order the Authorization header lists them. */
  signedHeaders: string[];
  amzDate: string;
}

export interface VerifyFailure {
  ok: false;
  code: SigV4ErrorCode;
  message: string;
  /** HTTP status AWS answers this failure with. */
  status: 400 | 403;
  /** For debugging a signer; never sent to clients by the handlers. */
  detail?: string;
  canonicalRequest?: string;
  stringToSign?: string;
}

export type VerifyResult = VerifySuccess | VerifyFailure;
