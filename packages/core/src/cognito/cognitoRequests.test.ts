// Issue: Cognito requests had no timeout and no abort signal, named a 500 without a code
// `Http500`, and `fromCognitoIdentity` was missing.
import { describe, expect, it, vi } from "vitest";
import { SageMakerRuntimeClient } from "../client/SageMakerRuntimeClient";
import { InvokeEndpointCommand } from "../commands/InvokeEndpointCommand";
import { CredentialsProviderError } from "../credentials/types";
import { CognitoIdentityServiceException } from "./CognitoIdentityServiceException";
import { fromCognitoIdentity } from "./fromCognitoIdentity";
import { fromCognitoIdentityPool } from "./fromCognitoIdentityPool";

const POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
const IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const json = (body: object, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/x-amz-json-1.1" },
  });
const operationOf = (init?: RequestInit) =>
  new Headers(init?.headers).get("x-amz-target")?.split(".")[1] ?? "AssumeRoleWithWebIdentity";
const CREDENTIALS = {
  AccessKeyId: "ASIAEXAMPLE",
  SecretKey: "secret-value",
  SessionToken: "token-value",
  Expiration: 1_795_000_000,
};

/** A fetch that never answers, but rejects when its signal fires (as fetch does). */
const hangingFetch = (calls: string[]): typeof fetch =>
  (async (_url: RequestInfo | URL, init?: RequestInit) => {
    calls.push(operationOf(init));
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
    });
  }) as typeof fetch;

describe("Cognito requests end", () => {
  it("after requestTimeout each, retried, then a TimeoutError", async () => {
    const calls: string[] = [];
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      cache: false,
      fetch: hangingFetch(calls),
      requestTimeout: 20,
      maxAttempts: 2,
    });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError", $metadata: { attempts: 2 } });
    expect(calls).toEqual(["GetId", "GetId"]);
  });

  it("at once when the caller's abortSignal fires", async () => {
    const calls: string[] = [];
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      cache: false,
      fetch: hangingFetch(calls),
      requestTimeout: 0,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user left")), 10);
    const error = await provider({ abortSignal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(calls).toEqual(["GetId"]);
  });

  it("through the client: a stuck Cognito call is dropped at credentialsTimeout, then asked again", async () => {
    let answer = false;
    const calls: string[] = [];
    const hanging = hangingFetch(calls);
    const fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
      if (!answer) return hanging(url, init);
      const operation = operationOf(init);
      calls.push(operation);
      return operation === "GetId"
        ? json({ IdentityId: IDENTITY })
        : json({ IdentityId: IDENTITY, Credentials: CREDENTIALS });
    }) as typeof globalThis.fetch;
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentialsTimeout: 50,
      credentials: fromCognitoIdentityPool({ identityPoolId: POOL, cache: false, fetch }),
      fetch: async () => new Response("ok"),
    });
    const command = () => new InvokeEndpointCommand({ EndpointName: "ep", Body: "x" });
    await expect(client.send(command())).rejects.toBeInstanceOf(CredentialsProviderError);
    answer = true;
    await expect(client.send(command())).resolves.toMatchObject({ $metadata: { attempts: 1 } });
    expect(calls).toEqual(["GetId", "GetId", "GetCredentialsForIdentity"]);
  });

  it("through the client: Cognito out of reach is one CredentialsProviderError after Cognito's own retries", async () => {
    const calls: string[] = [];
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials: fromCognitoIdentityPool({
        identityPoolId: POOL,
        cache: false,
        fetch: async (_url, init) => {
          calls.push(operationOf(init));
          throw new TypeError("Failed to fetch");
        },
      }),
      fetch: async () => new Response("ok"),
    });
    const error = await client
      .send(new InvokeEndpointCommand({ EndpointName: "ep", Body: "x" }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "CredentialsProviderError",
      cause: { name: "TypeError", message: "Failed to fetch" },
    });
    // Three attempts of GetId, not three of them for each of three client attempts.
    expect(calls).toEqual(["GetId", "GetId", "GetId"]);
  });
});

describe("names as the AWS SDK gives them", () => {
  it("a 500 without an error code is Unknown (Cognito Identity)", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      cache: false,
      maxAttempts: 1,
      fetch: async () => new Response("<html>oops</html>", { status: 500 }),
    });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoIdentityServiceException);
    expect(error).toMatchObject({ name: "Unknown", $fault: "server" });
  });

  it("a 500 without an error code is Unknown (STS, basic flow)", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      cache: false,
      maxAttempts: 1,
      basicFlow: { roleArn: "arn:aws:iam::123456789012:role/Guest", roleSessionName: "web" },
      fetch: async (_url, init) => {
        const operation = operationOf(init);
        if (operation === "GetId") return json({ IdentityId: IDENTITY });
        if (operation === "GetOpenIdToken") return json({ IdentityId: IDENTITY, Token: "t" });
        return new Response("", { status: 500 });
      },
    });
    await expect(provider()).rejects.toMatchObject({ name: "Unknown", $fault: "server" });
  });
});

describe("answers the provider cannot use", () => {
  it("GetId without an IdentityId is a CredentialsProviderError, in the AWS SDK's words", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      cache: false,
      fetch: async () => json({}),
    });
    await expect(provider()).rejects.toThrow(
      new CredentialsProviderError({
        message: "Response from Amazon Cognito contained no identity ID",
      }),
    );
  });
});

describe("fromCognitoIdentity", () => {
  it("gets credentials for a known identity id, logins and role as given", async () => {
    const sent: Record<string, unknown>[] = [];
    const provider = fromCognitoIdentity({
      identityId: IDENTITY,
      logins: { "login.example.com": async () => "fresh-token" },
      customRoleArn: "arn:aws:iam::123456789012:role/Dev",
      fetch: async (url, init) => {
        expect(String(url)).toBe("https://cognito-identity.us-east-1.amazonaws.com/");
        expect(operationOf(init)).toBe("GetCredentialsForIdentity");
        sent.push(JSON.parse(String(init?.body)));
        return json({ IdentityId: IDENTITY, Credentials: CREDENTIALS });
      },
    });
    await expect(provider()).resolves.toEqual({
      identityId: IDENTITY,
      accessKeyId: "ASIAEXAMPLE",
      secretAccessKey: "secret-value",
      sessionToken: "token-value",
      expiration: new Date(1_795_000_000_000),
    });
    expect(sent).toEqual([
      {
        IdentityId: IDENTITY,
        Logins: { "login.example.com": "fresh-token" },
        CustomRoleArn: "arn:aws:iam::123456789012:role/Dev",
      },
    ]);
  });

  it("an answer without credentials is a CredentialsProviderError, in the AWS SDK's words", async () => {
    const provider = fromCognitoIdentity({
      identityId: IDENTITY,
      fetch: async () => json({ IdentityId: IDENTITY, Credentials: { SecretKey: "s" } }),
    });
    await expect(provider()).rejects.toThrow(
      new CredentialsProviderError({
        message: "Response from Amazon Cognito contained no access key ID",
      }),
    );
  });

  it("refuses an identity id of the wrong shape at once", () => {
    expect(() => fromCognitoIdentity({ identityId: "nope" })).toThrow(TypeError);
  });

  it("Cognito's errors arrive typed", async () => {
    const fetch = vi.fn(async () =>
      json({ __type: "NotAuthorizedException", message: "Invalid login token." }, 400),
    );
    const provider = fromCognitoIdentity({ identityId: IDENTITY, fetch });
    await expect(provider()).rejects.toMatchObject({
      name: "NotAuthorizedException",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
