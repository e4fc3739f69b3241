// The AWS SDK's own Cognito provider, passed as `credentials` as it is: sagefetch must work
// with it, refresh included. Node and Chromium only (where front-end apps use it).
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import { InvokeEndpointCommand } from "../../src/index";

const POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
const service = setupMockService({ cognito: { identityPools: { [POOL]: {} } } });

const command = () =>
  new InvokeEndpointCommand({ EndpointName: "echo", Body: "from the AWS SDK's provider" });

describe("the AWS SDK's fromCognitoIdentityPool as sagefetch's credentials", () => {
  it("signs in a guest, invokes, and refreshes when the service says the credentials expired", async () => {
    const credentials = fromCognitoIdentityPool({
      identityPoolId: POOL,
      clientConfig: { region: "us-east-1" },
      cache: { getItem: () => null, setItem: () => {}, removeItem: () => {} },
    });
    const client = service.client({ credentials });
    const first = await client.send(command());
    expect(first.Body.transformToString()).toBe("from the AWS SDK's provider");
    expect(service.mock.requests[0]?.accessKeyId).toMatch(/^ASIA/);

    for (const issued of service.mock.credentials.values()) {
      if (issued.accessKeyId.startsWith("ASIA")) {
        service.mock.credentials.add({ ...issued, expiration: new Date(Date.now() - 1000) });
      }
    }
    const again = await client.send(command());
    expect(again.$metadata.attempts).toBe(2);
    expect(
      service.cognito.requests.filter((r) => r.operation === "GetCredentialsForIdentity"),
    ).toHaveLength(2);
  });
});
