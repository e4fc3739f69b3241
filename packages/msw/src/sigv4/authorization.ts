import { failure, MESSAGES } from "./failures";
import type { VerifyFailure } from "./types";

export const ALGORITHM = "AWS4-HMAC-SHA256";

export interface ParsedAuthorization {
  ok: true;
  algorithm: string;
  /** The Credential parameter as sent: `AKID/20150830/us-east-1/service/aws4_request`. */
  credential: string;
  signedHeaders: string[];
  signature: string;
}

export interface CredentialScope {
  ok: true;
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
}

/**
 * Splits `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` into its
 * parameters. Missing parameters (and a missing date header) are reported together, as
 * AWS does, with `IncompleteSignatureException`.
 */
export function parseAuthorization(
  header: string,
  hasDateHeader: boolean,
): ParsedAuthorization | VerifyFailure {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  const params = new Map<string, string>();
  const rest = space === -1 ? "" : trimmed.slice(space);
  for (const part of rest.split(/[\s,]+/)) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  let message = "";
  for (const name of ["Credential", "Signature", "SignedHeaders"]) {
    if (!params.get(name)) message += `Authorization header requires '${name}' parameter. `;
  }
  if (!hasDateHeader) {
    message +=
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  }
  if (message !== "") {
    return failure("IncompleteSignatureException", `${message}Authorization=${trimmed}`);
  }
  return {
    ok: true,
    algorithm,
    credential: params.get("Credential") ?? "",
    signedHeaders: (params.get("SignedHeaders") ?? "").split(";").map((h) => h.toLowerCase()),
    signature: params.get("Signature") ?? "",
  };
}

/** Checks the algorithm and splits the Credential parameter into its five parts. */
export function parseCredentialScope(parsed: ParsedAuthorization): CredentialScope | VerifyFailure {
  if (parsed.algorithm !== ALGORITHM) {
    return failure("IncompleteSignatureException", MESSAGES.algorithm(parsed.algorithm));
  }
  // AWS ignores trailing slashes here.
  const parts = parsed.credential.replace(/\/+$/, "").split("/");
  const [accessKeyId, date, region, service, terminator] = parts;
  if (
    parts.length !== 5 ||
    accessKeyId === undefined ||
    date === undefined ||
    region === undefined ||
    service === undefined ||
    terminator === undefined
  ) {
    return failure("IncompleteSignatureException", MESSAGES.credentialParts(parsed.credential));
  }
  return { ok: true, accessKeyId, date, region, service, terminator };
}
