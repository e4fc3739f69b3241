// The point of the Cognito mock: the credentials it issues sign SageMaker requests that the
// SageMaker mock verifies, until they expire.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CredentialStore,
  cognitoIdentityHandlers,
  sageMakerHandlers,
  testLoginToken,
  testLoginValidator,
} from "../index";
import {
  cognitoCall,
  GOOGLE,
  POOL,
  ROLE,
  readCognito,
  stsCall,
  testClock,
  xmlText,
} from "../internal/testing/cognito";
import { invoke } from "../internal/testing/invoke";

const clock = testClock();
const sagemaker = sageMakerHandlers({
  now: clock.now,
  endpoints: { echo: (request) => ({ body: request.body }) },
});
const cognito = cognitoIdentityHandlers({
  now: clock.now,
  issueTo: sagemaker,
  identityPools: { [POOL]: { providers: { [GOOGLE]: testLoginValidator } } },
});
const server = setupServer(...cognito.handlers, ...sagemaker.handlers);

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  cognito.reset();
  sagemaker.reset();
  clock.ms = Date.parse("2026-11-24T12:00:00Z");
});
afterAll(() => server.close());

interface Issued {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The enhanced flow: GetId, then GetCredentialsForIdentity. */
async function enhancedFlow(Logins?: Record<string, string>): Promise<Issued> {
  const id = await readCognito(await cognitoCall("GetId", { IdentityPoolId: POOL, Logins }));
  const IdentityId = id.body.IdentityId;
  const answer = await readCognito(
    await cognitoCall("GetCredentialsForIdentity", { IdentityId, Logins }),
  );
  const c = answer.body.Credentials as Record<string, string>;
  return {
    accessKeyId: c.AccessKeyId ?? "",
    secretAccessKey: c.SecretKey ?? "",
    sessionToken: c.SessionToken ?? "",
  };
}

/** The basic flow: GetId, GetOpenIdToken, then STS AssumeRoleWithWebIdentity. */
async function basicFlow(): Promise<Issued> {
  const id = await readCognito(await cognitoCall("GetId", { IdentityPoolId: POOL }));
  const token = await readCognito(
    await cognitoCall("GetOpenIdToken", { IdentityId: id.body.IdentityId }),
  );
  const xml = await (
    await stsCall({
      RoleArn: ROLE,
      RoleSessionName: "web",
      WebIdentityToken: String(token.body.Token),
    })
  ).text();
  return {
    accessKeyId: xmlText(xml, "AccessKeyId") ?? "",
    secretAccessKey: xmlText(xml, "SecretAccessKey") ?? "",
    sessionToken: xmlText(xml, "SessionToken") ?? "",
  };
}

/** InvokeEndpoint signed with the credentials at the mock's current time. */
const invokeAs = (credentials: Issued) => invoke("echo", { credentials, date: new Date(clock.ms) });

describe("credentials issued by the Cognito mock, used on the SageMaker mock", () => {
  it.each([
    ["the enhanced flow (guest)", () => enhancedFlow()],
    ["the enhanced flow (signed in)", () => enhancedFlow({ [GOOGLE]: testLoginToken("alice") })],
    ["the basic flow", basicFlow],
  ])("%s: accepted until they expire, then ExpiredTokenException", async (_, flow) => {
    const credentials = await flow();
    const ok = await invokeAs(credentials);
    expect(ok.status).toBe(200);
    expect(sagemaker.requests[0]?.accessKeyId).toBe(credentials.accessKeyId);

    clock.ms += 3599_000;
    expect((await invokeAs(credentials)).status).toBe(200);

    clock.ms += 1_000;
    const expired = await invokeAs(credentials);
    expect(expired.status).toBe(403);
    expect(expired.headers.get("x-amzn-errortype")).toMatch(/^ExpiredTokenException:/);
    expect(await expired.json()).toEqual({
      message: "The security token included in the request is expired",
    });
  });

  it("refuses the key with another session token, and a key revoked by reset()", async () => {
    const credentials = await enhancedFlow();
    const wrongToken = await invokeAs({ ...credentials, sessionToken: "forged" });
    expect(wrongToken.status).toBe(403);
    expect(wrongToken.headers.get("x-amzn-errortype")).toMatch(/^UnrecognizedClientException:/);
    cognito.reset();
    expect((await invokeAs(credentials)).status).toBe(403);
    expect((await invoke("echo")).status).toBe(200); // the demo key is still accepted
  });

  it("shares a CredentialStore given to both mocks", async () => {
    const store = new CredentialStore();
    const shared = sageMakerHandlers({
      now: clock.now,
      credentials: store,
      hosts: ["http://sagemaker.test"],
      endpoints: { echo: () => ({ body: "ok" }) },
    });
    const issuer = cognitoIdentityHandlers({
      now: clock.now,
      issueTo: store,
      hosts: ["http://cognito.test"],
      identityPools: { [POOL]: {} },
    });
    server.use(...issuer.handlers, ...shared.handlers);
    const id = await readCognito(
      await cognitoCall("GetId", { IdentityPoolId: POOL }, { url: "http://cognito.test" }),
    );
    const answer = await readCognito(
      await cognitoCall(
        "GetCredentialsForIdentity",
        { IdentityId: id.body.IdentityId },
        { url: "http://cognito.test/" },
      ),
    );
    const c = answer.body.Credentials as Record<string, string>;
    expect(issuer.credentials).toBe(store);
    expect(shared.credentials).toBe(store);
    const signed = await invoke("echo", {
      baseUrl: "http://sagemaker.test",
      date: new Date(clock.ms),
      credentials: {
        accessKeyId: c.AccessKeyId ?? "",
        secretAccessKey: c.SecretKey ?? "",
        sessionToken: c.SessionToken ?? "",
      },
    });
    expect(signed.status).toBe(200);
    server.resetHandlers();
  });
});
