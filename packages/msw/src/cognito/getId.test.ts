import { describe, expect, it } from "vitest";
import { cognitoError, testLoginToken, testLoginValidator } from "../index";
import {
  COGNITO_URL,
  cognitoCall,
  cognitoFailure,
  GOOGLE,
  POOL,
  readCognito,
} from "../internal/testing/cognito";
import { serveCognitoMock } from "../internal/testing/cognitoServer";

const MEMBERS_ONLY = "us-east-1:22222222-2222-3333-4444-555555555555";
const { mock } = serveCognitoMock({
  identityPools: {
    [POOL]: {
      providers: {
        [GOOGLE]: testLoginValidator,
        "graph.facebook.com": () => {
          throw new Error("Facebook is not responding");
        },
        "login.example.com": (token) => {
          if (token === "boom") throw cognitoError("InternalErrorException", "oops");
          return token === "good" ? "example-user" : undefined;
        },
      },
    },
    [MEMBERS_ONLY]: { allowUnauthenticated: false, providers: { [GOOGLE]: testLoginValidator } },
  },
});

const getId = async (body: object) => (await readCognito(await cognitoCall("GetId", body))).body;

describe("GetId", () => {
  it("gives every guest call a new identity in the pool's region, as AWS JSON 1.1", async () => {
    const response = await cognitoCall("GetId", { IdentityPoolId: POOL });
    const answer = await readCognito(response);
    expect(answer).toMatchObject({
      status: 200,
      type: null,
      contentType: "application/x-amz-json-1.1",
    });
    expect(answer.body.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const second = await getId({ IdentityPoolId: POOL, AccountId: "123456789012" });
    expect(second.IdentityId).not.toBe(answer.body.IdentityId);
    expect(mock.identities.list(POOL).map((i) => i.logins)).toEqual([{}, {}]);
    expect(mock.requests.map((r) => [r.operation, r.identityId, r.loginsPresent])).toEqual([
      ["GetId", answer.body.IdentityId, false],
      ["GetId", second.IdentityId, false],
    ]);
  });

  it("gives a signed-in user the same identity every time, and another user another", async () => {
    const alice = { IdentityPoolId: POOL, Logins: { [GOOGLE]: testLoginToken("alice") } };
    const first = await getId(alice);
    expect(await getId(alice)).toEqual(first);
    const bob = await getId({ IdentityPoolId: POOL, Logins: { [GOOGLE]: testLoginToken("bob") } });
    expect(bob.IdentityId).not.toBe(first.IdentityId);
    expect(mock.identities.get(String(first.IdentityId))?.logins).toEqual({ [GOOGLE]: "alice" });
    expect(mock.requests[0]).toMatchObject({ loginsPresent: true, loginProviders: [GOOGLE] });
  });

  it.each([
    [
      "an unknown pool",
      { IdentityPoolId: "us-east-1:99999999-0000-0000-0000-000000000000" },
      400,
      "ResourceNotFoundException",
      "IdentityPool 'us-east-1:99999999-0000-0000-0000-000000000000' not found.",
    ],
    [
      "a guest of a pool without guests",
      { IdentityPoolId: MEMBERS_ONLY },
      400,
      "NotAuthorizedException",
      "Unauthenticated access is not supported for this identity pool.",
    ],
    [
      "a provider the pool lacks",
      { IdentityPoolId: POOL, Logins: { "www.amazon.com": "t" } },
      400,
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    ],
    [
      "a token the provider refuses",
      { IdentityPoolId: POOL, Logins: { [GOOGLE]: "garbage" } },
      400,
      "NotAuthorizedException",
      "Invalid login token. Couldn't verify signed token.",
    ],
    [
      "another provider's token",
      { IdentityPoolId: POOL, Logins: { [GOOGLE]: testLoginToken("a", { provider: "x" }) } },
      400,
      "NotAuthorizedException",
      "Invalid login token. Issuer doesn't match providerName",
    ],
    [
      "an expired token",
      {
        IdentityPoolId: POOL,
        Logins: {
          [GOOGLE]: testLoginToken("a", { expiresAt: Date.parse("2026-11-24T11:00:00Z") }),
        },
      },
      400,
      "NotAuthorizedException",
      "Invalid login token. Token expired: 1795521600 >= 1795518000",
    ],
    [
      "a provider that fails",
      { IdentityPoolId: POOL, Logins: { "graph.facebook.com": "t" } },
      400,
      "ExternalServiceException",
      "Facebook is not responding",
    ],
    [
      "a validator's cognitoError",
      { IdentityPoolId: POOL, Logins: { "login.example.com": "boom" } },
      500,
      "InternalErrorException",
      "oops",
    ],
  ])("refuses %s", async (_, body, status, code, message) => {
    const response = await cognitoCall("GetId", body);
    expect(response.headers.get("x-amzn-errortype")).toBe(`${code}:`);
    expect(response.headers.get("x-amzn-errormessage")).toBe(message);
    expect(await cognitoFailure(response)).toEqual({ status, __type: code, message });
    expect(mock.requests[0]?.errorCode).toBe(code);
    expect(mock.identities.size).toBe(0);
  });

  it("lets a custom validator sign users in", async () => {
    const body = { IdentityPoolId: POOL, Logins: { "login.example.com": "good" } };
    const { IdentityId } = await getId(body);
    expect(mock.identities.get(String(IdentityId))?.logins).toEqual({
      "login.example.com": "example-user",
    });
  });

  it.each([
    [
      {},
      "1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null",
    ],
    [
      { IdentityPoolId: "us-east-1_userpool" },
      "1 validation error detected: Value 'us-east-1_userpool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    ],
    [
      { IdentityPoolId: POOL, AccountId: "abc" },
      "1 validation error detected: Value 'abc' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \\d+",
    ],
  ])("answers ValidationException to %j", async (body, message) => {
    expect(await cognitoFailure(await cognitoCall("GetId", body))).toEqual({
      status: 400,
      __type: "ValidationException",
      message,
    });
  });

  it("answers SerializationException to a body that is not the input's JSON", async () => {
    for (const body of ["{", "[]", '{"IdentityPoolId": 7}', '{"Logins": {"a": 1}}']) {
      const answer = await readCognito(await cognitoCall("GetId", body));
      expect(answer).toMatchObject({
        status: 400,
        type: "SerializationException:",
        body: { __type: "SerializationException" },
      });
    }
  });

  it("answers UnknownOperationException to a request without a target it knows", async () => {
    const noTarget = await fetch(COGNITO_URL, { method: "POST", body: "{}" });
    expect(await readCognito(noTarget)).toMatchObject({
      status: 400,
      body: { __type: "UnknownOperationException" },
    });
    const get = await fetch(COGNITO_URL, {
      headers: { "x-amz-target": "AWSCognitoIdentityService.GetId" },
    });
    expect(get.status).toBe(400);
    expect(mock.requests.map((r) => r.operation)).toEqual([undefined, undefined]);
  });
});
