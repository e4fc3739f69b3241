import { describe, expect, it } from "vitest";
import { CognitoServiceError, testLoginToken, testLoginValidator } from "../index";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const context = { providerName: "accounts.google.com", identityPoolId: "us-east-1:1", now: NOW };

function refusal(run: () => unknown): { code: string; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CognitoServiceError) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe("testLoginToken and testLoginValidator", () => {
  it("make an unsigned JWT naming the user, which the validator accepts", () => {
    const token = testLoginToken("alice");
    expect(token).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.$/);
    expect(testLoginValidator(token, context)).toBe("alice");
  });

  it("refuses what is not a test token, by returning undefined", () => {
    for (const token of ["", "abc", "a.b.c", `${testLoginToken("x")}sig`, "e30.e30."]) {
      expect(testLoginValidator(token, context)).toBeUndefined();
    }
  });

  it("refuses another provider's token with Cognito's message", () => {
    const token = testLoginToken("alice", { provider: "graph.facebook.com" });
    expect(refusal(() => testLoginValidator(token, context))).toEqual({
      code: "NotAuthorizedException",
      message: "Invalid login token. Issuer doesn't match providerName",
    });
    const own = testLoginToken("alice", { provider: "accounts.google.com" });
    expect(testLoginValidator(own, context)).toBe("alice");
  });

  it("refuses a token from its expiry second on, against the mock's clock", () => {
    const token = testLoginToken("alice", { expiresAt: new Date(NOW + 1000) });
    expect(testLoginValidator(token, context)).toBe("alice");
    expect(refusal(() => testLoginValidator(token, { ...context, now: NOW + 1000 }))).toEqual({
      code: "NotAuthorizedException",
      message: "Invalid login token. Token expired: 1795521601 >= 1795521601",
    });
  });

  it("needs a subject", () => {
    expect(() => testLoginToken("")).toThrow(TypeError);
  });
});
