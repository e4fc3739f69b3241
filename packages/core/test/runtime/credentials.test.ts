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
    credentials: [demoCredentials, temporary(1, far), temporary(2, far)],
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
      expect(r).toMatchObject({ status: "rejected", reason: { name: "NotAuthorizedException" } });
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
});
