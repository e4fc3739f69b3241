import { testLoginToken, testLoginValidator } from "@sagefetch/msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fromCognitoIdentityPool } from "../../src/cognito/index";
import { InvokeEndpointCommand } from "../../src/index";
import { type MockService, startMock } from "../harness/startMock";

const POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf";

let service: MockService;
beforeAll(async () => {
  service = await startMock({
    cognito: {
      identityPools: {
        [POOL]: { allowUnauthenticated: true, providers: { [USER_POOL]: testLoginValidator } },
        "us-east-1:99999999-2222-3333-4444-555555555555": { allowUnauthenticated: false },
      },
    },
  });
});
afterEach(() => service.reset());
afterAll(() => service.stop());

const command = () => new InvokeEndpointCommand({ EndpointName: "echo", Body: "hello" });
const provider = (options: Partial<Parameters<typeof fromCognitoIdentityPool>[0]> = {}) =>
  fromCognitoIdentityPool({ identityPoolId: POOL, cache: false, fetch: service.fetch, ...options });

describe("Cognito Identity Pool users against the mocks: sign in, invoke, refresh", () => {
  it("a guest gets credentials the service accepts", async () => {
    const client = service.client({ credentials: provider() });
    const out = await client.send(command());
    expect(out.Body.transformToString()).toBe("hello");
    expect(service.mock.requests[0]?.accessKeyId).toMatch(/^ASIA/);
    expect(service.cognito.requests.map((r) => r.operation)).toEqual([
      "GetId",
      "GetCredentialsForIdentity",
    ]);
  });

  it("a signed-in user gets credentials for their own identity, with fresh tokens at each refresh", async () => {
    let tokens = 0;
    const credentials = provider({
      logins: {
        [USER_POOL]: async () => {
          tokens++;
          return testLoginToken("user-42", { provider: USER_POOL });
        },
      },
    });
    const out = await service.client({ credentials }).send(command());
    expect(out.$metadata.httpStatusCode).toBe(200);
    const [getId, getCredentials] = service.cognito.requests;
    expect(getId?.loginsPresent).toBe(true);
    expect(getCredentials?.loginsPresent).toBe(true);
    expect(tokens).toBe(1);
  });

  it("credentials that expire under a call are refreshed once, and the call goes through", async () => {
    const client = service.client({ credentials: provider() });
    await client.send(command());
    // The service now says those credentials have expired (the client thinks them good).
    for (const issued of service.mock.credentials.values()) {
      if (issued.accessKeyId.startsWith("ASIA")) {
        service.mock.credentials.add({ ...issued, expiration: new Date(Date.now() - 1000) });
      }
    }
    const outs = await Promise.all(Array.from({ length: 10 }, () => client.send(command())));
    for (const out of outs) expect(out.$metadata.attempts).toBe(2);
    const refreshes = service.cognito.requests.filter(
      (r) => r.operation === "GetCredentialsForIdentity",
    );
    expect(refreshes).toHaveLength(2);
    expect(service.mock.requests.filter((r) => r.status === 403)).toHaveLength(10);
  });

  it("a pool without guests refuses: a typed NotAuthorizedException for every waiting call, nothing sent to SageMaker", async () => {
    const client = service.client({
      credentials: fromCognitoIdentityPool({
        identityPoolId: "us-east-1:99999999-2222-3333-4444-555555555555",
        cache: false,
        fetch: service.fetch,
      }),
    });
    const results = await Promise.allSettled([client.send(command()), client.send(command())]);
    for (const result of results) {
      expect(result).toMatchObject({
        status: "rejected",
        // The credentials step says it failed; Cognito's own error is its cause.
        reason: {
          name: "CredentialsProviderError",
          cause: {
            name: "NotAuthorizedException",
            message: "Unauthenticated access is not supported for this identity pool.",
          },
        },
      });
    }
    expect(service.cognito.requests.filter((r) => r.operation === "GetId")).toHaveLength(1);
    expect(service.mock.requests).toHaveLength(0);
  });

  it("Cognito throttling is retried with backoff", async () => {
    service.cognito.faults.throttle(1);
    const out = await service.client({ credentials: provider() }).send(command());
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(service.cognito.requests.map((r) => r.errorCode ?? r.operation)).toEqual([
      "TooManyRequestsException",
      "GetId",
      "GetCredentialsForIdentity",
    ]);
  }, 10_000);

  it("the basic flow (GetOpenIdToken, then STS) gives credentials the service accepts", async () => {
    const credentials = provider({
      basicFlow: { roleArn: "arn:aws:iam::123456789012:role/Unauth", roleSessionName: "web" },
    });
    const out = await service.client({ credentials }).send(command());
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(service.cognito.requests.map((r) => r.operation)).toEqual([
      "GetId",
      "GetOpenIdToken",
      "AssumeRoleWithWebIdentity",
    ]);
  });

  it("the identity id, never a secret or a token, is all that is stored", async () => {
    const items = new Map<string, string>();
    const cache = {
      getItem: (k: string) => items.get(k),
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    const credentials = provider({ cache });
    const issued = await credentials();
    const stored = JSON.stringify([...items]);
    expect(stored).toContain(issued.identityId);
    for (const secret of [
      issued.secretAccessKey,
      issued.sessionToken as string,
      issued.accessKeyId,
    ]) {
      expect(stored).not.toContain(secret);
    }
    if (typeof localStorage !== "undefined") {
      const everything = JSON.stringify({ ...localStorage });
      expect(everything).not.toContain(issued.secretAccessKey);
    }
  });
});
