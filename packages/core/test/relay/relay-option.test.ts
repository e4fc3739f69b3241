import { demoCredentials } from "@sagefetch/msw";
import { verifySigV4 } from "@sagefetch/msw/sigv4";
import { describe, expect, it } from "vitest";
import {
  EndpointError,
  InvokeEndpointCommand,
  SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
} from "../../src/index";

/** Sends one call and returns the request the client put on the wire. */
async function sentRequest(config: SageMakerRuntimeClientConfig): Promise<Request> {
  let sent: Request | undefined;
  const client = new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: demoCredentials,
    fetch: async (input, init) => {
      sent = new Request(input, init);
      return new Response("{}", { headers: { "content-type": "application/json" } });
    },
    ...config,
  });
  await client.send(new InvokeEndpointCommand({ EndpointName: "my-ep", Body: '{"x":1}' }));
  return sent as Request;
}

/** The request as the relay forwards it: `{relay}/{host}{path}` back to `https://{host}{path}`. */
function forwarded(request: Request, relayBase: string, scheme = "https"): Request {
  const rest = request.url.slice(relayBase.replace(/\/+$/, "").length + 1);
  return new Request(`${scheme}://${rest}`, request.clone());
}

const credentials = { [demoCredentials.accessKeyId]: demoCredentials };

describe("the relay option", () => {
  it("sends to {relay}/{host}/endpoints/…, signed for the real host", async () => {
    const relay = "https://relay.example.com";
    const sent = await sentRequest({ relay });
    const host = "runtime.sagemaker.us-east-1.amazonaws.com";
    expect(sent.url).toBe(`${relay}/${host}/endpoints/my-ep/invocations`);
    // Forwarded unchanged to the real host, the signature holds there.
    const result = await verifySigV4(forwarded(sent, relay), {
      credentials,
      service: "sagemaker",
    });
    expect(result.ok).toBe(true);
    // And not for the relay's own host: the relay cannot make it a call to itself.
    const mismatch = await verifySigV4(sent.clone(), {
      credentials,
      service: "sagemaker",
    });
    expect(mismatch.ok).toBe(false);
  });

  it("keeps the relay's base path, with or without a trailing slash, and accepts a URL", async () => {
    for (const relay of [
      "https://example.com/api/relay",
      "https://example.com/api/relay/",
      new URL("https://example.com/api/relay"),
    ]) {
      const sent = await sentRequest({ relay });
      expect(sent.url).toBe(
        "https://example.com/api/relay/runtime.sagemaker.us-east-1.amazonaws.com/endpoints/my-ep/invocations",
      );
    }
  });

  it("with a custom endpoint, signs for it and names it to the relay", async () => {
    const relay = "http://127.0.0.1:9000";
    const sent = await sentRequest({ endpoint: "http://127.0.0.1:8080", relay });
    expect(sent.url).toBe("http://127.0.0.1:9000/127.0.0.1:8080/endpoints/my-ep/invocations");
    const result = await verifySigV4(forwarded(sent, relay, "http"), {
      credentials,
      service: "sagemaker",
    });
    expect(result.ok).toBe(true);
  });

  it("follows FIPS and dual-stack: the relay is told the host they resolve to", async () => {
    const sent = await sentRequest({
      relay: "https://relay.example.com",
      useFipsEndpoint: true,
      useDualstackEndpoint: true,
    });
    expect(sent.url).toBe(
      "https://relay.example.com/runtime.sagemaker-fips.us-east-1.api.aws/endpoints/my-ep/invocations",
    );
  });

  it.each([
    "not a url",
    "ftp://relay.example.com",
    "https://relay.example.com/?a=1",
    "https://relay.example.com/#x",
    "https://user:hunter2@relay.example.com",
  ])("refuses relay %j at construction with an EndpointError naming relay", (relay) => {
    let thrown: unknown;
    try {
      new SageMakerRuntimeClient({ region: "us-east-1", relay });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EndpointError);
    expect((thrown as Error).message).toBe(
      "Invalid Configuration: relay must be an http(s) URL with no user, password, query or fragment",
    );
  });
});
