import {
  checkString,
  constraintFailure,
  validationErrorsMessage,
} from "../internal/validationMessage";
import { CognitoServiceError } from "./CognitoServiceError";
import { ID_PATTERN } from "./config";

/** The members of the three operations' inputs (AWS JSON 1.1 bodies). */
export interface CognitoInput {
  IdentityPoolId?: string;
  AccountId?: string;
  IdentityId?: string;
  Logins?: Record<string, string>;
  CustomRoleArn?: string;
}

const STRING_MEMBERS = ["IdentityPoolId", "AccountId", "IdentityId", "CustomRoleArn"] as const;

/** The JSON body, or SerializationException (as Coral answers a body it cannot read). */
export function parseCognitoInput(body: string): CognitoInput {
  let input: unknown;
  try {
    input = body.trim() === "" ? {} : JSON.parse(body);
  } catch {
    throw new CognitoServiceError("SerializationException", "");
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new CognitoServiceError("SerializationException", "");
  }
  const record = input as Record<string, unknown>;
  for (const member of STRING_MEMBERS) {
    const value = record[member];
    if (value !== undefined && value !== null && typeof value !== "string") {
      throw new CognitoServiceError("SerializationException", "");
    }
  }
  const logins = record.Logins;
  if (logins !== undefined && logins !== null) {
    const ok =
      typeof logins === "object" &&
      !Array.isArray(logins) &&
      Object.values(logins).every((token) => typeof token === "string");
    if (!ok) throw new CognitoServiceError("SerializationException", "");
  }
  const out: CognitoInput = {};
  for (const member of [...STRING_MEMBERS, "Logins"] as const) {
    if (record[member] !== undefined && record[member] !== null) {
      Object.assign(out, { [member]: record[member] });
    }
  }
  return out;
}

const ID_RULE = { min: 1, max: 55, pattern: ID_PATTERN, patternText: "[\\w-]+:[0-9a-f-]+" };

const notNull = (member: string) =>
  `Value null at '${member}' failed to satisfy constraint: Member must not be null`;

function loginsFailures(logins: Record<string, string> | undefined): string[] {
  if (logins === undefined) return [];
  const names = Object.keys(logins);
  const failures: string[] = [];
  if (names.length > 10) {
    failures.push(
      constraintFailure(`{${names.join(", ")}}`, "logins", "have length less than or equal to 10"),
    );
  }
  for (const [name, token] of Object.entries(logins)) {
    if (name.length < 1 || name.length > 128 || token.length < 1 || token.length > 50000) {
      failures.push(
        constraintFailure(name, "logins", "have keys of length 1 to 128 and values of 1 to 50000"),
      );
    }
  }
  return failures;
}

/** Coral's ValidationException for an input out of the model's constraints. */
export function validateCognitoInput(
  operation: "GetId" | "GetCredentialsForIdentity" | "GetOpenIdToken",
  input: CognitoInput,
): void {
  const failures: (string | undefined)[] = [];
  if (operation === "GetId") {
    failures.push(
      input.IdentityPoolId === undefined
        ? notNull("identityPoolId")
        : checkString(input.IdentityPoolId, "identityPoolId", ID_RULE),
      checkString(input.AccountId, "accountId", {
        min: 1,
        max: 15,
        pattern: /^\d+$/,
        patternText: "\\d+",
      }),
    );
  } else {
    failures.push(
      input.IdentityId === undefined
        ? notNull("identityId")
        : checkString(input.IdentityId, "identityId", ID_RULE),
    );
  }
  if (operation === "GetCredentialsForIdentity") {
    failures.push(checkString(input.CustomRoleArn, "customRoleArn", { min: 20, max: 2048 }));
  }
  failures.push(...loginsFailures(input.Logins));
  const found = failures.filter((failure): failure is string => failure !== undefined);
  if (found.length > 0) {
    throw new CognitoServiceError("ValidationException", validationErrorsMessage(found));
  }
}
