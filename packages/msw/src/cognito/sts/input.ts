import {
  checkInteger,
  checkString,
  validationErrorsMessage,
} from "../../internal/validationMessage";
import { CognitoServiceError } from "../CognitoServiceError";

/** AssumeRoleWithWebIdentity's parameters, once valid. */
export interface WebIdentityInput {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds: number;
  /** `arn:{partition}:iam::{account}:role/{path}{name}`, taken apart. */
  role: { partition: string; accountId: string; name: string };
}

const ROLE_ARN = /^arn:([\w-]+):iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;

const notNull = (member: string) =>
  `Value null at '${member}' failed to satisfy constraint: Member must not be null`;

const validationError = (message: string) => new CognitoServiceError("ValidationError", message);

/**
 * The parameters, checked as STS checks them: ValidationError for a missing or out-of-bounds
 * member, "Request ARN is invalid" for a RoleArn that names no role, and a DurationSeconds over
 * the role's MaxSessionDuration.
 */
export function readWebIdentityInput(
  params: URLSearchParams,
  maxSessionDurationSeconds: number,
): WebIdentityInput {
  const get = (name: string) => params.get(name) ?? undefined;
  const roleArn = get("RoleArn");
  const roleSessionName = get("RoleSessionName");
  const webIdentityToken = get("WebIdentityToken");
  const duration = get("DurationSeconds");
  const failures = [
    roleArn === undefined
      ? notNull("roleArn")
      : checkString(roleArn, "roleArn", { min: 20, max: 2048 }),
    roleSessionName === undefined
      ? notNull("roleSessionName")
      : checkString(roleSessionName, "roleSessionName", {
          min: 2,
          max: 64,
          pattern: /^[\w+=,.@-]*$/,
          patternText: "[\\w+=,.@-]*",
        }),
    webIdentityToken === undefined
      ? notNull("webIdentityToken")
      : checkString(webIdentityToken, "webIdentityToken", { min: 4, max: 20000 }),
    checkInteger(duration, "durationSeconds", 900, 43200),
  ].filter((failure): failure is string => failure !== undefined);
  if (failures.length > 0) throw validationError(validationErrorsMessage(failures));
  const match = ROLE_ARN.exec(roleArn ?? "");
  if (match === null) throw validationError("Request ARN is invalid");
  const durationSeconds = duration === undefined ? 3600 : Number(duration);
  if (durationSeconds > maxSessionDurationSeconds) {
    throw validationError(
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
  }
  return {
    roleArn: roleArn ?? "",
    roleSessionName: roleSessionName ?? "",
    webIdentityToken: webIdentityToken ?? "",
    durationSeconds,
    role: { partition: match[1] ?? "aws", accountId: match[2] ?? "", name: match[3] ?? "" },
  };
}
