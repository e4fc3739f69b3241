export type {
  CredentialLookup,
  SecretCredentials,
  SigV4ErrorCode,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
} from "./types";
export { verifySigV4 } from "./verify";
