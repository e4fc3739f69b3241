import { demoCredentials } from "@sagefetch/msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type AwsCredentialIdentity,
  CredentialsProviderError,
  InvokeEndpointCommand,
} from "../../src/index";
import { type MockService, startMock } from "../harness/startMock";

let service: MockService;
const temporary = (n: number, expiration: Date): AwsCredentialIdentity => ({
  accessKeyId: `ASIATEMP${n}`,
  secretAccessKey: `temp-secret-${n}`,
  sessionToken: `temp-token-${n}`,
  expiration,
});
const far = new Date(Date.now() + 3600_000);
beforeAll(async () => {
  service = await startMock({
    credentials: [
      demoCredentials,
      temporary(1, far),
      temporary(2, far),
      temporary(3, new Date(Date.now() - 1000)),
    ],
  });
});
afterEach(() => service.reset());
afterAll(() => service.stop());

const command = () => new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" });

describe("credentials", () => {
  it("calls a provider once for a hundred calls started together", async () => {
    let calls = 0;
    const client = service.client({
      credentials: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return temporary(1, far);
      },
    });
    const outs = await Promise.all(Array.from({ length: 100 }, () => client.send(command())));
    expect(outs).toHaveLength(100);
    expect(calls).toBe(1);
    expect(new Set(service.mock.requests.map((r) => r.accessKeyId))).toEqual(
      new Set(["ASIATEMP1"]),
    );
  });

  it("refreshes credentials that are within 5 minutes of expiring", async () => {
    const served = [temporary(1, new Date(Date.now() + 4 * 60_000)), temporary(2, far)];
    let calls = 0;
    const client = service.client({
      credentials: async () => served[calls++] as AwsCredentialIdentity,
    });
    await client.send(command());
    await client.send(command());
    expect(calls).toBe(2);
    expect(service.mock.requests.map((r) => r.accessKeyId)).toEqual(["ASIATEMP1", "ASIATEMP2"]);
  });

  it("a failing provider gives every waiting call its error, and the next call tries again", async () => {
    let calls = 0;
    const client = service.client({
      credentials: async () => {
        calls++;
        if (calls === 1)
          throw Object.assign(new Error("Invalid login token"), { name: "NotAuthorizedException" });
        return temporary(1, far);
      },
    });
    const results = await Promise.allSettled([client.send(command()), client.send(command())]);
    for (const r of results)
      expect(r).toMatchObject({
        status: "rejected",
        reason: { name: "CredentialsProviderError", cause: { name: "NotAuthorizedException" } },
      });
    expect(service.mock.requests).toHaveLength(0);
    await client.send(command());
    expect(calls).toBe(2);
  });

  it("no credentials at all is a typed error, and nothing is sent", async () => {
    const error = await service
      .client({ credentials: undefined })
      .send(command())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsProviderError);
    expect(service.mock.requests).toHaveLength(0);
  });

  it("ExpiredTokenException: one refresh however many calls were refused, each retried once", async () => {
    // The client believes ASIATEMP3 good for an hour; the service says it has expired.
    const served = [{ ...temporary(3, far) }, temporary(2, far)];
    let calls = 0;
    const client = service.client({
      credentials: async () => served[Math.min(calls++, 1)] as AwsCredentialIdentity,
    });
    const outs = await Promise.all(Array.from({ length: 20 }, () => client.send(command())));
    expect(calls).toBe(2);
    for (const out of outs) expect(out.$metadata.attempts).toBe(2);
    const refused = service.mock.requests.filter((r) => r.status === 403);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r.headers.authorization).toContain("Credential=ASIATEMP3/");
    expect(
      service.mock.requests
        .filter((r) => r.status === 200)
        .every((r) => r.accessKeyId === "ASIATEMP2"),
    ).toBe(true);
  });

  it("static credentials are not refreshed on ExpiredTokenException: the error comes through", async () => {
    const error = await service
      .client({ credentials: temporary(3, far) })
      .send(command())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ExpiredTokenException", $metadata: { attempts: 1 } });
  });
});
