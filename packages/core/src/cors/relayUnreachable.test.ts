// Issue: with `relay` set, a failure to reach the relay was retried three times and surfaced
// as a bare TypeError. (In a page, see test/relay/cors-blocked.test.ts: raised at once.)
import { describe, expect, it } from "vitest";
import { SageMakerRuntimeClient } from "../client/SageMakerRuntimeClient";
import { InvokeEndpointCommand } from "../commands/InvokeEndpointCommand";
import { RelayUnreachableError } from "../errors/clientErrors";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const inPage = typeof (globalThis as { document?: unknown }).document === "object";

describe.skipIf(inPage)("a relay out of reach, outside a page", () => {
  it("is retried as a network error, then a RelayUnreachableError naming the relay", async () => {
    const sent: string[] = [];
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials,
      relay: "https://relay.example.com/base",
      fetch: async (url) => {
        sent.push(String(url));
        throw refused;
      },
    });
    const error = await client
      .send(new InvokeEndpointCommand({ EndpointName: "ep", Body: "x" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelayUnreachableError);
    expect(error).toMatchObject({
      relayOrigin: "https://relay.example.com",
      cause: refused,
      $metadata: { attempts: 3 },
    });
    expect((error as Error).message).toContain("https://relay.example.com");
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^https:\/\/relay\.example\.com\/base\/runtime\.sagemaker\./);
  });

  it("recovers when the relay answers on a retry", async () => {
    let calls = 0;
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials,
      relay: "https://relay.example.com",
      fetch: async () => {
        if (++calls === 1) throw new TypeError("fetch failed");
        return new Response("ok");
      },
    });
    const out = await client.send(new InvokeEndpointCommand({ EndpointName: "ep", Body: "x" }));
    expect(out.$metadata.attempts).toBe(2);
  });
});
