import { describe, expect, it } from "vitest";
import { testLoginToken, testLoginValidator } from "../index";
import { fromBase64Url } from "../internal/base64";
import { fromUtf8 } from "../internal/bytes";
import {
  cognitoCall,
  cognitoFailure,
  GOOGLE,
  POOL,
  readCognito,
} from "../internal/testing/cognito";
import { serveCognitoMock } from "../internal/testing/cognitoServer";

const ENHANCED_ONLY = "us-east-1:44444444-2222-3333-4444-555555555555";
const { clock, mock } = serveCognitoMock({
  identityPools: {
    [POOL]: { providers: { [GOOGLE]: testLoginValidator } },
    [ENHANCED_ONLY]: { allowClassicFlow: false },
  },
});

async function newIdentity(body: object): Promise<string> {
  return String((await readCognito(await cognitoCall("GetId", body))).body.IdentityId);
}

function decode(part: string | undefined): unknown {
  return JSON.parse(fromUtf8(fromBase64Url(part ?? "") ?? new Uint8Array()));
}

describe("GetOpenIdToken", () => {
  it("answers a JWT with Cognito's claims for a guest, valid for 10 minutes", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: POOL });
    const answer = await readCognito(await cognitoCall("GetOpenIdToken", { IdentityId }));
    expect(answer.status).toBe(200);
    expect(answer.body.IdentityId).toBe(IdentityId);
    const [header, payload, signature] = String(answer.body.Token).split(".");
    expect(decode(header)).toEqual({ kid: "sagefetch-msw-1", typ: "JWS", alg: "HS256" });
    const iat = clock.ms / 1000;
    expect(decode(payload)).toEqual({
      iss: "https://cognito-identity.amazonaws.com",
      sub: IdentityId,
      aud: POOL,
      amr: ["unauthenticated"],
      iat,
      exp: iat + 600,
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mock.requests[1]).toMatchObject({ operation: "GetOpenIdToken", identityId: IdentityId });
  });

  it("names the logins of a signed-in identity in amr, and needs them", async () => {
    const Logins = { [GOOGLE]: testLoginToken("alice") };
    const IdentityId = await newIdentity({ IdentityPoolId: POOL, Logins });
    expect(await cognitoFailure(await cognitoCall("GetOpenIdToken", { IdentityId }))).toMatchObject(
      {
        __type: "NotAuthorizedException",
        message: expect.stringMatching(/^Logins don't match/),
      },
    );
    const answer = await readCognito(await cognitoCall("GetOpenIdToken", { IdentityId, Logins }));
    const payload = decode(String(answer.body.Token).split(".")[1]) as { amr: string[] };
    expect(payload.amr).toEqual(["authenticated", GOOGLE, `${GOOGLE}:alice`]);
  });

  it("answers InvalidParameterException when the pool allows only the enhanced flow", async () => {
    const IdentityId = await newIdentity({ IdentityPoolId: ENHANCED_ONLY });
    expect(await cognitoFailure(await cognitoCall("GetOpenIdToken", { IdentityId }))).toEqual({
      status: 400,
      __type: "InvalidParameterException",
      message: "Basic (classic) flow is not enabled, please use enhanced flow.",
    });
    expect((await cognitoCall("GetCredentialsForIdentity", { IdentityId })).status).toBe(200);
  });

  it("answers ResourceNotFoundException for an identity it does not know", async () => {
    const IdentityId = "us-east-1:00000000-0000-0000-0000-000000000000";
    expect(await cognitoFailure(await cognitoCall("GetOpenIdToken", { IdentityId }))).toEqual({
      status: 400,
      __type: "ResourceNotFoundException",
      message: `Identity '${IdentityId}' not found.`,
    });
  });
});
