import { describe, expect, it } from "vitest";
import { CognitoServiceError, cognitoError } from "../index";
import { newAnswerContext } from "../internal/awsResponse";
import { isCognitoServiceError } from "./CognitoServiceError";
import { cognitoErrorResponse } from "./jsonResponse";

describe("cognitoError", () => {
  it("answers 400, or 500 for InternalErrorException, unless told", () => {
    expect(cognitoError("NotAuthorizedException", "no").status).toBe(400);
    expect(cognitoError("InternalErrorException", "oops").status).toBe(500);
    expect(cognitoError("TooManyRequestsException", "slow down", 429).status).toBe(429);
  });

  it("is recognised by shape, as from another copy of the package", () => {
    const copy = Object.assign(new Error("m"), {
      name: "CognitoServiceError",
      code: "X",
      status: 400,
    });
    expect(isCognitoServiceError(copy)).toBe(true);
    expect(isCognitoServiceError(new CognitoServiceError("X", "m"))).toBe(true);
    expect(isCognitoServiceError(new Error("m"))).toBe(false);
    expect(isCognitoServiceError({ name: "CognitoServiceError", code: "X", status: 400 })).toBe(
      false,
    );
  });
});

describe("cognitoErrorResponse", () => {
  it("keeps the message whole in the body and printable in x-amzn-ErrorMessage", async () => {
    const response = cognitoErrorResponse(newAnswerContext(), {
      status: 400,
      code: "NotAuthorizedException",
      message: "Invalid login token for “alice”\n",
    });
    expect(response.headers.get("x-amzn-errormessage")).toBe("Invalid login token for ?alice??");
    expect(await response.json()).toEqual({
      __type: "NotAuthorizedException",
      message: "Invalid login token for “alice”\n",
    });
  });
});
