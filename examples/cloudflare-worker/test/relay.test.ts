// The relay route in workerd: requests signed by sagefetch's client (`relay` option, as in a
// browser) go through the Worker to the emulator, which verifies their signatures.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTokens,
  SageMakerRuntimeClient,
} from "@sagefetch/core";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { demoCredentials, demoEndpoints } from "@sagefetch/msw";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickerModel } from "./models";
import { bundleWorker, startWorkers } from "./worker";

const PAGE = "https://app.example";
const ticker = tickerModel();
let emulator: Emulator;
let mf: Miniflare;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    endpoints: { ...demoEndpoints, ticker: ticker.model },
  });
  const { code } = await bundleWorker();
  const env = {
    AWS_REGION: "us-east-1",
    ALLOWED_ORIGINS: `${PAGE}, http://localhost:5173`,
    RELAY_EXTRA_UPSTREAMS: emulator.url,
  };
  mf = await startWorkers(code, {
    relay: env,
    narrow: { ...env, RELAY_ENDPOINTS: "echo" },
  });
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await emulator?.close();
});

interface Seen {
  url: string;
  headers: Headers;
}

/**
 * A browser's client: it signs for the emulator and sends through the Worker's relay, with
 * the page's Origin (which a browser adds, unsigned). `seen` gets each URL called and answer.
 */
function browserClient(
  worker: string,
  { origin = PAGE, endpoint = emulator.url, seen = [] as Seen[] } = {},
) {
  const pageFetch = async (input: string, init: RequestInit) => {
    const headers = {
      ...(init.headers as Record<string, string>),
      origin,
      "accept-encoding": "gzip, deflate, br",
    };
    const response = await mf.dispatchFetch(input, { ...init, headers } as never);
    seen.push({ url: input, headers: response.headers as unknown as Headers });
    return response;
  };
  return new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: demoCredentials,
    endpoint,
    relay: `http://${worker}.test/relay`,
    maxAttempts: 1,
    fetch: pageFetch as unknown as typeof fetch,
  });
}

describe("/relay/{host}/endpoints/…", () => {
  it("forwards a browser-signed InvokeEndpoint unchanged, and answers with CORS", async () => {
    const seen: Seen[] = [];
    const out = await browserClient("relay", { seen }).send(
      new InvokeEndpointCommand({
        EndpointName: "sentiment",
        Body: JSON.stringify({ inputs: "I love relays" }),
        ContentType: "application/json",
      }),
    );
    expect(JSON.parse(out.Body.transformToString())).toEqual([
      { label: "POSITIVE", score: expect.any(Number) },
    ]);
    expect(out.InvokedProductionVariant).toBe("AllTraffic");
    const host = new URL(emulator.url).host;
    expect(seen.map((s) => s.url)).toEqual([
      `http://relay.test/relay/${host}/endpoints/sentiment/invocations`,
    ]);
    expect(seen[0]?.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(seen[0]?.headers.get("access-control-expose-headers")).toMatch(/x-amzn-requestid/i);
    // The emulator verified the browser's signature: the relay changed nothing it covers.
    expect(emulator.mock.requests.at(-1)).toMatchObject({
      endpointName: "sentiment",
      accessKeyId: "AKIDEXAMPLE",
      status: 200,
    });
  });

  it("streams InvokeEndpointWithResponseStream through", async () => {
    const { Body } = await browserClient("relay").send(
      new InvokeEndpointWithResponseStreamCommand({
        EndpointName: "chat",
        Body: JSON.stringify({ inputs: "through the relay" }),
        ContentType: "application/json",
      }),
    );
    let text = "";
    for await (const token of readTokens(Body)) text += token;
    expect(text).toBe('Turn 1: you said "through the relay".');
  });

  it("passes parts on as they come (the browser may accept gzip), and a break stops the model", async () => {
    const client = browserClient("relay");
    const { Body } = await client.send(
      new InvokeEndpointWithResponseStreamCommand({ EndpointName: "ticker", Body: "{}" }),
    );
    for await (const token of readTokens(Body)) {
      expect(token).toBe("tick ");
      break; // cancels the body: the Worker's call to the model ends with it
    }
    expect(await ticker.stopped).toBeLessThan(ticker.ticks);
  });

  it("answers the preflight of an allowed origin", async () => {
    const host = new URL(emulator.url).host;
    const response = await mf.dispatchFetch(
      `http://relay.test/relay/${host}/endpoints/echo/invocations`,
      {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:5173",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type, x-amz-date",
        },
      },
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "authorization, content-type, x-amz-date",
    );
  });

  it("refuses an origin not in ALLOWED_ORIGINS, a host that is not SageMaker's, and endpoints not in RELAY_ENDPOINTS", async () => {
    const before = emulator.mock.requests.length;
    const input = { EndpointName: "sentiment", Body: "{}", ContentType: "application/json" };
    const call = (client: SageMakerRuntimeClient) =>
      client.send(new InvokeEndpointCommand(input)).then(
        () => "sent",
        (error: Error & { $metadata?: { httpStatusCode?: number } }) =>
          `${error.$metadata?.httpStatusCode} ${error.name}: ${error.message}`,
      );
    expect(await call(browserClient("relay", { origin: "https://evil.example" }))).toBe(
      "403 AccessDeniedException: Origin https://evil.example may not use this relay.",
    );
    expect(await call(browserClient("relay", { endpoint: "http://127.0.0.1:1" }))).toMatch(
      /^403 AccessDeniedException: The relay forwards to SageMaker Runtime hosts only .*"127\.0\.0\.1:1" is not one\.$/,
    );
    expect(await call(browserClient("narrow"))).toBe(
      "403 AccessDeniedException: Endpoint sentiment may not be called through this relay.",
    );
    expect(emulator.mock.requests.length).toBe(before);
  });
});
