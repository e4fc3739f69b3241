// sagefetch's client → the relay → the MSW SageMaker mock, which verifies every signature as
// the service does. Shows the `relay` option and the relay agree on the wire, that answers
// (streams included) and service errors come through as the client expects them, and that a
// request changed after signing — by anyone, the relay included — is refused downstream.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
} from "@sagefetch/core";
import { demoCredentials, demoEndpoints, sageMakerHandlers } from "@sagefetch/msw";
import { getResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { createRelay } from "../../src/index";
import type { RelayOptions } from "../../src/options";
import { HOST, PAGE, RELAY } from "../helpers/requests";

const mock = sageMakerHandlers({ endpoints: demoEndpoints });
afterEach(() => mock.reset());

const toMock = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await getResponse(mock.handlers, new Request(input, init));
  if (!response || response.type === "error") throw new TypeError("fetch failed");
  return response;
}) as typeof fetch;

/** Changes a request between the client and the relay. */
type Tamper = (request: Request) => Request | Promise<Request>;

function clientThroughRelay(
  tamper: Tamper = (request) => request,
  relayOptions: RelayOptions = {},
  config: SageMakerRuntimeClientConfig = {},
) {
  const relay = createRelay({ fetch: toMock, ...relayOptions });
  const sent: string[] = [];
  const client = new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: demoCredentials,
    relay: `${RELAY}/sagemaker`,
    maxAttempts: 1,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(request.url);
      // As a browser would send it.
      request.headers.set("origin", PAGE);
      return relay(await tamper(request));
    },
    ...config,
  });
  return { client, sent };
}

const invoke = (EndpointName: string, Body = '{"inputs":"I love it"}') =>
  new InvokeEndpointCommand({ EndpointName, Body, ContentType: "application/json" });

async function withBody(request: Request, body: string, headers?: Record<string, string>) {
  const changed = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers ?? {})) changed.set(name, value);
  return new Request(request.url, { method: "POST", headers: changed, body });
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("sagefetch's client through the relay, to a service that checks signatures", () => {
  it("invokes: signed for the real host, sent to {relay}/{host}/…", async () => {
    const { client, sent } = clientThroughRelay();
    const out = await client.send(invoke("sentiment"));
    expect(JSON.parse(out.Body.transformToString())).toEqual([
      { label: "POSITIVE", score: expect.any(Number) },
    ]);
    expect(out.InvokedProductionVariant).toBe("AllTraffic");
    expect(out.$metadata.requestId).toBe(mock.requests[0]?.requestId);
    expect(sent).toEqual([`${RELAY}/sagemaker/${HOST}/endpoints/sentiment/invocations`]);
    expect(mock.requests[0]?.url).toBe(`https://${HOST}/endpoints/sentiment/invocations`);
    expect(mock.requests[0]?.accessKeyId).toBe("AKIDEXAMPLE");
  });

  it("streams: every part comes through", async () => {
    mock.stream.chunking = "byte";
    const { client } = clientThroughRelay();
    const out = await client.send(
      new InvokeEndpointWithResponseStreamCommand({
        EndpointName: "chat",
        Body: JSON.stringify({ inputs: "hello" }),
        ContentType: "application/json",
      }),
    );
    let text = "";
    const decoder = new TextDecoder();
    let parts = 0;
    for await (const event of out.Body) {
      parts++;
      text += decoder.decode(event.PayloadPart?.Bytes, { stream: true });
    }
    expect(parts).toBeGreaterThan(1);
    expect(parts).toBe(mock.requests[0]?.streamedParts);
    expect(text).toMatch(/^data: \{"token"/);
  });

  it("the service's errors reach the client as its typed errors", async () => {
    const { client } = clientThroughRelay();
    const error = await client.send(invoke("no-such-endpoint")).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ValidationError",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    });
    expect((error as Error).message).toContain("no-such-endpoint");
  });

  it("the relay's refusals reach the client as typed errors too", async () => {
    const { client } = clientThroughRelay(undefined, { allowedEndpoints: ["echo"] });
    const error = await client.send(invoke("sentiment")).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AccessDeniedException",
      message: "Endpoint sentiment may not be called through this relay.",
      $metadata: { httpStatusCode: 403 },
    });
    expect(mock.requests).toHaveLength(0);
  });

  const tampered: [string, Tamper][] = [
    ["another body", (r) => withBody(r, '{"inputs":"I hate it"}')],
    [
      "another body, with its hash",
      async (r) =>
        withBody(r, '{"inputs":"I hate it"}', {
          "x-amz-content-sha256": await sha256Hex('{"inputs":"I hate it"}'),
        }),
    ],
    ["another endpoint", (r) => new Request(r.url.replace("/sentiment/", "/echo/"), r)],
    [
      "another host of the service",
      (r) => new Request(r.url.replace("us-east-1.amazonaws.com", "us-west-2.amazonaws.com"), r),
    ],
    [
      "a signed header changed",
      (r) => {
        const headers = new Headers(r.headers);
        headers.set("content-type", "text/plain");
        return new Request(r, { headers });
      },
    ],
  ];
  it.each(tampered)(
    "a request changed after signing (%s) is refused by the service",
    async (_, tamper) => {
      const { client } = clientThroughRelay(tamper);
      const error = await client.send(invoke("sentiment")).catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: "InvalidSignatureException",
        $metadata: { httpStatusCode: 403 },
      });
      // It reached the service, which refused it: the relay forwarded, the signature held.
      expect(mock.requests).toHaveLength(1);
      expect(mock.requests[0]?.status).toBe(403);
      expect(mock.requests[0]?.accessKeyId).toBeUndefined();
    },
  );
});
