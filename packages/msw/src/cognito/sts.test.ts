import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cognitoIdentityHandlers } from "../index";
import {
  cognitoCall,
  POOL,
  ROLE,
  readCognito,
  STS_URL,
  stsCall,
  stsFailure,
  testClock,
  xmlText,
} from "../internal/testing/cognito";

const clock = testClock();
const options = {
  now: clock.now,
  identityPools: { [POOL]: {} },
  canAssumeRole: (roleArn: string) => !roleArn.endsWith("/Forbidden"),
};
const mock = cognitoIdentityHandlers(options);
const other = cognitoIdentityHandlers({ ...options, stsHosts: ["http://other.test"] });
const server = setupServer(...mock.handlers, ...other.handlers);

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  mock.reset();
  clock.ms = Date.parse("2026-11-24T12:00:00Z");
});
afterAll(() => server.close());

async function openIdToken(): Promise<{ identityId: string; token: string }> {
  const { body } = await readCognito(await cognitoCall("GetId", { IdentityPoolId: POOL }));
  const identityId = String(body.IdentityId);
  const answer = await readCognito(await cognitoCall("GetOpenIdToken", { IdentityId: identityId }));
  return { identityId, token: String(answer.body.Token) };
}

const assume = (token: string, more: Record<string, string> = {}, url = STS_URL) =>
  stsCall({ RoleArn: ROLE, RoleSessionName: "web", WebIdentityToken: token, ...more }, { url });

describe("STS AssumeRoleWithWebIdentity", () => {
  it("exchanges the mock's OpenID token for credentials, in STS's XML", async () => {
    const { identityId, token } = await openIdToken();
    const response = await assume(token, { DurationSeconds: "900" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    const xml = await response.text();
    const requestId = response.headers.get("x-amzn-requestid");
    expect(xml).toMatch(
      /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n {2}<AssumeRoleWithWebIdentityResult>\n/,
    );
    expect(xml).toContain(`<ResponseMetadata>\n    <RequestId>${requestId}</RequestId>`);
    expect({
      subject: xmlText(xml, "SubjectFromWebIdentityToken"),
      audience: xmlText(xml, "Audience"),
      provider: xmlText(xml, "Provider"),
      arn: xmlText(xml, "Arn"),
      roleId: xmlText(xml, "AssumedRoleId"),
      key: xmlText(xml, "AccessKeyId"),
      expiration: xmlText(xml, "Expiration"),
    }).toEqual({
      subject: identityId,
      audience: POOL,
      provider: "cognito-identity.amazonaws.com",
      arn: "arn:aws:sts::123456789012:assumed-role/WebRole/web",
      roleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:web$/),
      key: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/),
      expiration: "2026-11-24T12:15:00Z",
    });
    const key = String(xmlText(xml, "AccessKeyId"));
    expect(mock.credentials.get(key)).toMatchObject({
      secretAccessKey: xmlText(xml, "SecretAccessKey"),
      sessionToken: xmlText(xml, "SessionToken"),
      expiration: new Date("2026-11-24T12:15:00Z"),
    });
    expect(mock.issued[0]).toMatchObject({ roleArn: ROLE, operation: "AssumeRoleWithWebIdentity" });
    expect(mock.requests[2]).toMatchObject({
      service: "sts",
      operation: "AssumeRoleWithWebIdentity",
      identityId,
      identityPoolId: POOL,
      roleArn: ROLE,
      accessKeyId: key,
      status: 200,
    });
  });

  it("lasts an hour by default and keeps a role's path out of the assumed-role ARN", async () => {
    const { token } = await openIdToken();
    const RoleArn = "arn:aws-cn:iam::123456789012:role/team/Web";
    const xml = await (await assume(token, { RoleArn })).text();
    expect(xmlText(xml, "Expiration")).toBe("2026-11-24T13:00:00Z");
    expect(xmlText(xml, "Arn")).toBe("arn:aws-cn:sts::123456789012:assumed-role/Web/web");
  });

  it.each([
    [
      "a token that is not a JWT",
      "not-a-jwt",
      "InvalidIdentityToken",
      "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
    ],
    [
      "a JWT this mock did not sign",
      "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln",
      "InvalidIdentityToken",
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    ],
  ])("refuses %s", async (_, token, code, message) => {
    expect(await stsFailure(await assume(token))).toEqual({
      status: 400,
      type: "Sender",
      code,
      message,
    });
    expect(mock.requests[0]?.errorCode).toBe(code);
    expect(mock.credentials.size).toBe(0);
  });

  it("refuses another mock's token", async () => {
    const { token } = await openIdToken();
    const failure = await stsFailure(await assume(token, {}, "http://other.test"));
    expect(failure.code).toBe("InvalidIdentityToken");
  });

  it("answers ExpiredTokenException once the token's 10 minutes are over", async () => {
    const { token } = await openIdToken();
    clock.ms += 600_000;
    expect(await stsFailure(await assume(token))).toEqual({
      status: 400,
      type: "Sender",
      code: "ExpiredTokenException",
      message:
        "Token expired: current date/time 1795522200 must be before the expiration date/time 1795522200",
    });
  });

  it("answers 403 AccessDenied for a role the token may not assume", async () => {
    const { token } = await openIdToken();
    const RoleArn = "arn:aws:iam::123456789012:role/Forbidden";
    expect(await stsFailure(await assume(token, { RoleArn }))).toEqual({
      status: 403,
      type: "Sender",
      code: "AccessDenied",
      message: "Not authorized to perform sts:AssumeRoleWithWebIdentity",
    });
  });

  it.each([
    [
      { RoleSessionName: "a" },
      "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    ],
    [
      { RoleSessionName: "has space" },
      "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    ],
    [
      { DurationSeconds: "60" },
      "1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    ],
    [
      { DurationSeconds: "7200" },
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    ],
    [{ RoleArn: "arn:aws:iam::123456789012:user/Someone" }, "Request ARN is invalid"],
  ])("answers ValidationError to %j", async (params, message) => {
    const { token } = await openIdToken();
    expect(await stsFailure(await assume(token, params))).toEqual({
      status: 400,
      type: "Sender",
      code: "ValidationError",
      message,
    });
  });

  it("answers ValidationError for missing parameters", async () => {
    const failure = await stsFailure(await stsCall({}));
    expect(failure.message).toBe(
      "3 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null; Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null",
    );
  });

  it("also reads the parameters from the query string, and leaves other actions alone", async () => {
    const { token } = await openIdToken();
    const query = new URLSearchParams({
      Action: "AssumeRoleWithWebIdentity",
      Version: "2011-06-15",
      RoleArn: ROLE,
      RoleSessionName: "web",
      WebIdentityToken: token,
    });
    expect((await fetch(`https://sts.amazonaws.com/?${query}`)).status).toBe(200);
    server.use(http.post(STS_URL, () => HttpResponse.text("<GetCallerIdentityResponse/>")));
    const other = await fetch(STS_URL, { method: "POST", body: "Action=GetCallerIdentity" });
    expect(await other.text()).toBe("<GetCallerIdentityResponse/>");
    server.resetHandlers();
    expect(mock.requests.map((r) => r.operation)).toEqual([
      "GetId",
      "GetOpenIdToken",
      "AssumeRoleWithWebIdentity",
    ]);
  });
});
