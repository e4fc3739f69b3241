import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  cognitoCall,
  cognitoFailure,
  POOL,
  ROLE,
  readCognito,
  stsCall,
  stsFailure,
} from "../internal/testing/cognito";
import { serveCognitoMock } from "../internal/testing/cognitoServer";

const EU_POOL = "eu-west-1:55555555-2222-3333-4444-555555555555";
const { mock, server } = serveCognitoMock({
  identityPools: { [POOL]: {}, [EU_POOL]: {} },
  hosts: ["http://localhost:4566", "http://proxy.test/cognito"],
  stsHosts: ["http://localhost:4566/sts"],
  region: "eu-west-1",
});

const getId = (IdentityPoolId = POOL, url?: string) =>
  cognitoCall("GetId", { IdentityPoolId }, url === undefined ? {} : { url });

async function openIdToken(): Promise<string> {
  const { body } = await readCognito(await getId());
  const token = await readCognito(
    await cognitoCall("GetOpenIdToken", { IdentityId: body.IdentityId }),
  );
  return String(token.body.Token);
}

describe("faults", () => {
  it("throttles Cognito with TooManyRequestsException and STS with Throttling", async () => {
    const token = await openIdToken();
    mock.faults.throttle(2);
    expect(await cognitoFailure(await getId())).toEqual({
      status: 400,
      __type: "TooManyRequestsException",
      message: "Rate exceeded",
    });
    const sts = await stsCall({ RoleArn: ROLE, RoleSessionName: "web", WebIdentityToken: token });
    expect(await stsFailure(sts)).toEqual({
      status: 400,
      type: "Sender",
      code: "Throttling",
      message: "Rate exceeded",
    });
    expect((await getId()).status).toBe(200);
    expect(mock.requests.slice(2).map((r) => [r.operation, r.status, r.errorCode])).toEqual([
      ["GetId", 400, "TooManyRequestsException"],
      ["AssumeRoleWithWebIdentity", 400, "Throttling"],
      ["GetId", 200, undefined],
    ]);
    expect(mock.identities.size).toBe(2);
  });

  it("answers each status of a sequence in the service's shape", async () => {
    mock.faults.statusSequence([500, 502, 503]);
    const internal = await getId();
    expect(internal.headers.get("x-amzn-errortype")).toBe("InternalErrorException:");
    expect(await cognitoFailure(internal)).toEqual({
      status: 500,
      __type: "InternalErrorException",
      message: "Internal Server Error",
    });
    const proxy = await readCognito(await getId());
    expect(proxy).toMatchObject({ status: 502, type: null, body: { message: "Bad Gateway" } });
    const sts = await stsCall({});
    expect(await stsFailure(sts)).toEqual({
      status: 503,
      type: "Receiver",
      code: "ServiceUnavailable",
      message: "Service Unavailable",
    });
  });

  it("pushes any error, drops connections, waits, and answers proxy pages", async () => {
    mock.faults
      .push({ status: 400, code: "ExternalServiceException", message: "Google is down" })
      .drop()
      .html(503)
      .delay(30);
    expect(await cognitoFailure(await getId())).toEqual({
      status: 400,
      __type: "ExternalServiceException",
      message: "Google is down",
    });
    await expect(getId()).rejects.toThrow();
    const page = await getId();
    expect([page.status, page.headers.get("content-type")]).toEqual([503, "text/html"]);
    const started = Date.now();
    expect((await getId()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(mock.requests.map((r) => r.status)).toEqual([400, 0, 503, 200]);
    mock.faults.setLatency(20);
    const slow = Date.now();
    await getId();
    expect(Date.now() - slow).toBeGreaterThanOrEqual(15);
  });
});

describe("hosts", () => {
  it.each([
    "https://cognito-identity.us-east-1.amazonaws.com/",
    "https://cognito-identity-fips.us-east-1.amazonaws.com/",
    "https://cognito-identity.us-east-1.api.aws/",
  ])("answers on %s", async (url) => {
    expect((await getId(POOL, url)).status).toBe(200);
  });

  it("finds a pool only in its own region", async () => {
    const url = "https://cognito-identity.eu-west-1.amazonaws.com/";
    expect(await cognitoFailure(await getId(POOL, url))).toEqual({
      status: 400,
      __type: "ResourceNotFoundException",
      message: `IdentityPool '${POOL}' not found.`,
    });
    const { body } = await readCognito(await getId(EU_POOL, url));
    expect(String(body.IdentityId)).toMatch(/^eu-west-1:/);
    const elsewhere = await cognitoCall("GetCredentialsForIdentity", {
      IdentityId: body.IdentityId,
    });
    expect((await cognitoFailure(elsewhere)).__type).toBe("ResourceNotFoundException");
  });

  it("answers on extra base URLs, in the region the options name", async () => {
    expect((await getId(EU_POOL, "http://localhost:4566")).status).toBe(200);
    expect((await getId(EU_POOL, "http://proxy.test/cognito/")).status).toBe(200);
    expect((await cognitoFailure(await getId(POOL, "http://localhost:4566/"))).__type).toBe(
      "ResourceNotFoundException",
    );
  });

  it("answers STS on its global, regional and extra hosts", async () => {
    const token = await openIdToken();
    const params = { RoleArn: ROLE, RoleSessionName: "web", WebIdentityToken: token };
    for (const url of [
      "https://sts.amazonaws.com/",
      "https://sts.eu-west-1.amazonaws.com/",
      "http://localhost:4566/sts",
    ]) {
      expect((await stsCall(params, { url })).status).toBe(200);
    }
  });

  it("leaves operations it does not play to other handlers", async () => {
    server.use(
      http.post("https://cognito-identity.us-east-1.amazonaws.com/", () =>
        HttpResponse.json({ IdentityPoolId: POOL, IdentityPoolName: "from another handler" }),
      ),
    );
    const answer = await readCognito(
      await cognitoCall("DescribeIdentityPool", { IdentityPoolId: POOL }),
    );
    expect(answer.body.IdentityPoolName).toBe("from another handler");
    expect(mock.requests).toEqual([]);
  });
});
