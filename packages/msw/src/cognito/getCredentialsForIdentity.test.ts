import { afterEach, describe, expect, it } from "vitest";
import { testLoginToken, testLoginValidator } from "../index";
import {
  cognitoCall,
  cognitoFailure,
  GOOGLE,
  POOL,
  readCognito,
} from "../internal/testing/cognito";
import { serveCognitoMock } from "../internal/testing/cognitoServer";

const NO_ROLES = "us-east-1:33333333-2222-3333-4444-555555555555";
const { clock, mock } = serveCognitoMock({
  credentialTtlSeconds: 900,
  identityPools: {
    [POOL]: { providers: { [GOOGLE]: testLoginValidator } },
    [NO_ROLES]: { roles: { unauthenticated: false } },
  },
});
afterEach(() => {
  clock.ms = Date.parse("2026-11-24T12:00:00Z");
});

const alice = { [GOOGLE]: testLoginToken("alice") };

async function newIdentity(body: object): Promise<string> {
  const { body: answer } = await readCognito(await cognitoCall("GetId", body));
  return String(answer.IdentityId);
}

const credentialsFor = (body: object) => cognitoCall("GetCredentialsForIdentity", body);

describe("GetCredentialsForIdentity", () => {
  it("issues temporary credentials expiring in epoch seconds, into the credential store", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL });
    const answer = await readCognito(await credentialsFor({ IdentityId }));
    expect(answer.status).toBe(200);
    const credentials = answer.body.Credentials as Record<string, unknown>;
    expect(answer.body.IdentityId).toBe(IdentityId);
    expect(credentials).toEqual({
      AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/),
      SecretKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/),
      SessionToken: expect.stringMatching(/^[A-Za-z0-9+/=]{600,}$/),
      Expiration: Date.parse("2026-11-24T12:15:00Z") / 1000,
    });
    const stored = mock.credentials.get(String(credentials.AccessKeyId));
    expect(stored).toMatchObject({
      secretAccessKey: credentials.SecretKey,
      sessionToken: credentials.SessionToken,
      expiration: new Date("2026-11-24T12:15:00Z"),
    });
    expect(mock.issued[0]).toMatchObject({
      identityId: IdentityId,
      roleArn: "arn:aws:iam::123456789012:role/Cognito_Unauth_Role",
      operation: "GetCredentialsForIdentity",
    });
    expect(mock.requests[1]).toMatchObject({
      operation: "GetCredentialsForIdentity",
      identityId: IdentityId,
      identityPoolId: POOL,
      loginsPresent: false,
      accessKeyId: credentials.AccessKeyId,
    });
  });

  it("gives a fresh key every call", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL });
    const keys = new Set<unknown>();
    for (let i = 0; i < 3; i++) {
      const { body } = await readCognito(await credentialsFor({ IdentityId }));
      keys.add((body.Credentials as Record<string, unknown>).AccessKeyId);
    }
    expect(keys.size).toBe(3);
    expect(mock.credentials.size).toBe(3);
  });

  it("needs a signed-in identity's logins again, and uses the authenticated role", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL, Logins: alice });
    expect(await cognitoFailure(await credentialsFor({ IdentityId }))).toEqual({
      status: 400,
      __type: "NotAuthorizedException",
      message:
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    const bob = { [GOOGLE]: testLoginToken("bob") };
    expect(await cognitoFailure(await credentialsFor({ IdentityId, Logins: bob }))).toMatchObject({
      __type: "NotAuthorizedException",
      message: expect.stringMatching(/^Logins don't match/),
    });
    const ok = await credentialsFor({ IdentityId, Logins: alice });
    expect(ok.status).toBe(200);
    expect(mock.issued[0]?.roleArn).toBe("arn:aws:iam::123456789012:role/Cognito_Auth_Role");
    expect(mock.requests.map((r) => r.loginsPresent)).toEqual([true, false, true, true]);
  });

  it("refuses an expired login token with Cognito's message", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL, Logins: alice });
    const expiring = { [GOOGLE]: testLoginToken("alice", { expiresAt: clock.ms + 60_000 }) };
    expect((await credentialsFor({ IdentityId, Logins: expiring })).status).toBe(200);
    clock.ms += 120_000;
    expect(await cognitoFailure(await credentialsFor({ IdentityId, Logins: expiring }))).toEqual({
      status: 400,
      __type: "NotAuthorizedException",
      message: "Invalid login token. Token expired: 1795521720 >= 1795521660",
    });
  });

  it("links a guest who signs in, and then refuses the guest's way in", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL });
    expect((await credentialsFor({ IdentityId, Logins: alice })).status).toBe(200);
    expect(mock.identities.get(IdentityId)?.logins).toEqual({ [GOOGLE]: "alice" });
    expect(await newIdentity({ IdentityPoolId: POOL, Logins: alice })).toBe(IdentityId);
    expect((await credentialsFor({ IdentityId })).status).toBe(400);
  });

  it("refuses a login that belongs to another identity", async () => {
    await newIdentity({ IdentityPoolId: POOL, Logins: alice });
    const guest = await newIdentity({ IdentityPoolId: POOL });
    const answer = await cognitoFailure(await credentialsFor({ IdentityId: guest, Logins: alice }));
    expect(answer.message).toMatch(/^Logins don't match/);
  });

  it("answers ResourceNotFoundException for an unknown or deleted identity", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL });
    mock.identities.delete(IdentityId);
    expect(await cognitoFailure(await credentialsFor({ IdentityId }))).toEqual({
      status: 400,
      __type: "ResourceNotFoundException",
      message: `Identity '${IdentityId}' not found.`,
    });
  });

  it("answers InvalidIdentityPoolConfigurationException when the pool has no role for it", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: NO_ROLES });
    expect(await cognitoFailure(await credentialsFor({ IdentityId }))).toEqual({
      status: 400,
      __type: "InvalidIdentityPoolConfigurationException",
      message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    });
  });

  it("accepts CustomRoleArn, and checks its length", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL });
    const CustomRoleArn = "arn:aws:iam::123456789012:role/Custom";
    expect((await credentialsFor({ IdentityId, CustomRoleArn })).status).toBe(200);
    expect(mock.issued[0]?.roleArn).toBe(CustomRoleArn);
    expect(mock.requests[1]?.roleArn).toBe(CustomRoleArn);
    const short = await cognitoFailure(
      await credentialsFor({ IdentityId, CustomRoleArn: "arn:x" }),
    );
    expect(short).toEqual({
      status: 400,
      __type: "ValidationException",
      message:
        "1 validation error detected: Value 'arn:x' at 'customRoleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    });
  });

  it("validates the identity id and the logins map", async () => {
    const missing = await cognitoFailure(await credentialsFor({}));
    expect(missing.message).toBe(
      "1 validation error detected: Value null at 'identityId' failed to satisfy constraint: Member must not be null",
    );
    const Logins = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, "t"]));
    const many = await cognitoFailure(await credentialsFor({ IdentityId: "bad id", Logins }));
    expect(many.message).toMatch(/^2 validation errors detected: Value 'bad id' at 'identityId'/);
    expect(many.message).toContain("Member must have length less than or equal to 10");
  });

  it("revokes what it issued on reset()", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL });
    await credentialsFor({ IdentityId });
    expect(mock.credentials.size).toBe(1);
    mock.reset();
    expect([mock.credentials.size, mock.issued.length, mock.identities.size]).toEqual([0, 0, 0]);
  });
});
