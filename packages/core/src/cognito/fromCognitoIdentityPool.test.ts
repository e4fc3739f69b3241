import { describe, expect, it } from "vitest";
import { CognitoIdentityServiceException } from "./CognitoIdentityServiceException";
import { fromCognitoIdentityPool } from "./fromCognitoIdentityPool";
import type { IdentityIdStorage } from "./identityIdCache";

const POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
const IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const CREDENTIALS = {
  AccessKeyId: "ASIAEXAMPLE",
  SecretKey: "secret-value",
  SessionToken: "token-value",
  Expiration: 1_795_000_000,
};

interface Sent {
  url: string;
  target: string | null;
  body: Record<string, unknown> | string;
  authorization: string | null;
}

/** A fetch that answers like Cognito Identity (and STS), and records what it was sent. */
function cognito(answers: Partial<Record<string, (() => Response)[]>> = {}) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const target = request.headers.get("x-amz-target");
    // Decoded by hand: workerd warns on .text() of STS's form body.
    const text = new TextDecoder().decode(await request.arrayBuffer());
    sent.push({
      url: request.url,
      target,
      body: target ? JSON.parse(text) : text,
      authorization: request.headers.get("authorization"),
    });
    const operation = target?.split(".")[1] ?? "AssumeRoleWithWebIdentity";
    const queued = answers[operation]?.shift();
    if (queued) return queued();
    const json = (body: object) =>
      new Response(JSON.stringify(body), {
        headers: { "content-type": "application/x-amz-json-1.1" },
      });
    if (operation === "GetId") return json({ IdentityId: IDENTITY });
    if (operation === "GetCredentialsForIdentity")
      return json({ IdentityId: IDENTITY, Credentials: CREDENTIALS });
    if (operation === "GetOpenIdToken")
      return json({ IdentityId: IDENTITY, Token: "open-id-token" });
    return new Response(
      `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIASTS</AccessKeyId><SecretAccessKey>sts-secret</SecretAccessKey><SessionToken>sts-token</SessionToken><Expiration>2026-11-24T13:00:00Z</Expiration></Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>`,
      { headers: { "content-type": "text/xml" } },
    );
  };
  return { fetch, sent };
}

const error = (status: number, code: string, message: string) => () =>
  new Response(JSON.stringify({ __type: code, message }), {
    status,
    headers: { "x-amzn-errortype": `${code}:` },
  });

function memoryStorage(): IdentityIdStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k),
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe("fromCognitoIdentityPool (enhanced flow)", () => {
  it("gets a guest identity, then its credentials, unsigned, to the pool's region", async () => {
    const { fetch, sent } = cognito();
    const cache = memoryStorage();
    const credentials = await fromCognitoIdentityPool({ identityPoolId: POOL, fetch, cache })();
    expect(credentials).toEqual({
      identityId: IDENTITY,
      accessKeyId: "ASIAEXAMPLE",
      secretAccessKey: "secret-value",
      sessionToken: "token-value",
      expiration: new Date(1_795_000_000 * 1000),
    });
    expect(sent.map((s) => [s.url, s.target, s.authorization])).toEqual([
      [
        "https://cognito-identity.us-east-1.amazonaws.com/",
        "AWSCognitoIdentityService.GetId",
        null,
      ],
      [
        "https://cognito-identity.us-east-1.amazonaws.com/",
        "AWSCognitoIdentityService.GetCredentialsForIdentity",
        null,
      ],
    ]);
    expect(sent[0]?.body).toEqual({ IdentityPoolId: POOL });
    expect(sent[1]?.body).toEqual({ IdentityId: IDENTITY });
    // Only the identity id is kept, under the AWS SDK's key; never a secret or a token.
    expect([...cache.items]).toEqual([
      [`aws:cognito-identity-credentials:${POOL}:ANONYMOUS`, IDENTITY],
    ]);
  });

  it("reuses the cached identity id (after a reload), and forgets it on request", async () => {
    const cache = memoryStorage();
    await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: cognito().fetch, cache })();
    const { fetch, sent } = cognito();
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch, cache });
    await provider();
    expect(sent.map((s) => s.target)).toEqual([
      "AWSCognitoIdentityService.GetCredentialsForIdentity",
    ]);
    await provider.clearCachedIdentityId();
    expect(cache.items.size).toBe(0);
  });

  it("sends the logins, fresh from functions, to both calls; caches a signed-in id only with a userIdentifier", async () => {
    const { fetch, sent } = cognito();
    const cache = memoryStorage();
    let n = 0;
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      fetch,
      cache,
      customRoleArn: "arn:aws:iam::123456789012:role/Reader",
      logins: {
        "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc": async () => `id-token-${++n}`,
        "accounts.google.com": "google-token",
      },
    });
    await provider();
    expect(sent[0]?.body).toMatchObject({
      Logins: {
        "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc": "id-token-1",
        "accounts.google.com": "google-token",
      },
    });
    expect(sent[1]?.body).toEqual({
      IdentityId: IDENTITY,
      CustomRoleArn: "arn:aws:iam::123456789012:role/Reader",
      Logins: {
        "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc": "id-token-1",
        "accounts.google.com": "google-token",
      },
    });
    expect(cache.items.size).toBe(0);
    await fromCognitoIdentityPool({
      identityPoolId: POOL,
      fetch,
      cache,
      userIdentifier: "user-42",
      logins: async () => ({ "accounts.google.com": "t" }),
    })();
    expect([...cache.items.keys()]).toEqual([`aws:cognito-identity-credentials:${POOL}:user-42`]);
  });

  it("with cache: false keeps nothing anywhere", async () => {
    const stored: string[] = [];
    const spy = {
      getItem: () => undefined,
      setItem: (k: string) => void stored.push(k),
      removeItem: () => {},
    };
    await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: cognito().fetch, cache: false })();
    expect(stored).toEqual([]);
    await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: cognito().fetch, cache: spy })();
    expect(stored).toHaveLength(1);
  });

  it("gives Cognito's errors typed, and forgets a cached id the pool refused", async () => {
    const cache = memoryStorage();
    cache.items.set(`aws:cognito-identity-credentials:${POOL}:ANONYMOUS`, "us-east-1:gone");
    const { fetch } = cognito({
      GetCredentialsForIdentity: [
        error(400, "ResourceNotFoundException", "Identity 'us-east-1:gone' not found."),
      ],
    });
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch, cache });
    const failure = await provider().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CognitoIdentityServiceException);
    expect(failure).toMatchObject({
      name: "ResourceNotFoundException",
      message: "Identity 'us-east-1:gone' not found.",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    });
    expect(cache.items.size).toBe(0);
    await expect(provider()).resolves.toMatchObject({ identityId: IDENTITY });
  });

  it.each([
    ["NotAuthorizedException", "Unauthenticated access is not supported for this identity pool."],
    [
      "InvalidIdentityPoolConfigurationException",
      "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    ],
  ])("%s is not retried", async (code, message) => {
    const { fetch, sent } = cognito({ GetId: [error(400, code, message)] });
    await expect(
      fromCognitoIdentityPool({ identityPoolId: POOL, fetch, cache: false })(),
    ).rejects.toMatchObject({ name: code, message });
    expect(sent).toHaveLength(1);
  });

  it("retries throttling and server errors with backoff", async () => {
    const { fetch, sent } = cognito({
      GetId: [
        error(400, "TooManyRequestsException", "Rate exceeded"),
        error(500, "InternalErrorException", "oops"),
      ],
    });
    await expect(
      fromCognitoIdentityPool({ identityPoolId: POOL, fetch, cache: false })(),
    ).resolves.toMatchObject({ accessKeyId: "ASIAEXAMPLE" });
    expect(sent.map((s) => s.target)).toEqual([
      "AWSCognitoIdentityService.GetId",
      "AWSCognitoIdentityService.GetId",
      "AWSCognitoIdentityService.GetId",
      "AWSCognitoIdentityService.GetCredentialsForIdentity",
    ]);
  }, 10_000);

  it("refuses a malformed pool id at once", () => {
    expect(() => fromCognitoIdentityPool({ identityPoolId: "not a pool" })).toThrow(TypeError);
  });
});

describe("fromCognitoIdentityPool (basic flow)", () => {
  it("gets an OpenID token, then STS credentials for the role", async () => {
    const { fetch, sent } = cognito();
    const credentials = await fromCognitoIdentityPool({
      identityPoolId: POOL,
      fetch,
      cache: false,
      basicFlow: {
        roleArn: "arn:aws:iam::123456789012:role/Unauth",
        roleSessionName: "web",
        durationSeconds: 900,
      },
    })();
    expect(credentials).toEqual({
      identityId: IDENTITY,
      accessKeyId: "ASIASTS",
      secretAccessKey: "sts-secret",
      sessionToken: "sts-token",
      expiration: new Date("2026-11-24T13:00:00Z"),
    });
    expect(sent[2]?.url).toBe("https://sts.us-east-1.amazonaws.com/");
    expect(new URLSearchParams(sent[2]?.body as string).get("WebIdentityToken")).toBe(
      "open-id-token",
    );
    expect(Object.fromEntries(new URLSearchParams(sent[2]?.body as string))).toMatchObject({
      Action: "AssumeRoleWithWebIdentity",
      RoleArn: "arn:aws:iam::123456789012:role/Unauth",
      RoleSessionName: "web",
      DurationSeconds: "900",
    });
  });

  it("gives STS's XML errors typed", async () => {
    const { fetch } = cognito({
      AssumeRoleWithWebIdentity: [
        () =>
          new Response(
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Token is expired</Message></Error><RequestId>r-1</RequestId></ErrorResponse>",
            { status: 400 },
          ),
      ],
    });
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      fetch,
      cache: false,
      basicFlow: { roleArn: "arn:aws:iam::1:role/x", roleSessionName: "s" },
    });
    await expect(provider()).rejects.toMatchObject({
      name: "InvalidIdentityToken",
      message: "Token is expired",
      $metadata: { requestId: "r-1" },
    });
  });
});
