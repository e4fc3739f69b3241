// api/relay.ts in @edge-runtime/vm: requests signed by sagefetch's client (`relay` option, as
// in a browser) go through the function to the emulator, which verifies their signatures.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTokens,
  SageMakerRuntimeClient,
} from "@sagefetch/core";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { demoCredentials } from "@sagefetch/msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleFunction, type EdgeFunction, startFunction } from "./edge";

const PAGE = "https://app.example";
const SITE = "https://example.vercel.app";
let emulator: Emulator;
let relay: EdgeFunction;
let narrow: EdgeFunction;
let imports: string[];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const bundle = await bundleFunction("api/relay.ts");
  imports = bundle.imports;
  const env = { ALLOWED_ORIGINS: PAGE, RELAY_EXTRA_UPSTREAMS: emulator.url };
  relay = startFunction(bundle.code, env);
  narrow = startFunction(bundle.code, { ...env, RELAY_ENDPOINTS: "echo" });
}, 60_000);

afterAll(async () => {
  await emulator?.close();
});

interface Seen {
  url: string;
  response: Response;
}

/**
 * A browser's client: it signs for the emulator and sends to `${SITE}/relay`, where Vercel's
 * rewrite (vercel.json) hands the request to the function: `rewrite` says what the function
 * then sees. `seen` gets each URL the page called and the function's answer.
 */
function browserClient(
  fn: EdgeFunction,
  { origin = PAGE, endpoint = emulator.url, rewrite = (url: URL) => url, seen = [] as Seen[] } = {},
) {
  const pageFetch = async (input: string, init: RequestInit) => {
    const headers = { ...(init.headers as Record<string, string>), origin };
    const url = rewrite(new URL(input)).href;
    const response = await fn.handler(new fn.Request(url, { ...init, headers }));
    seen.push({ url: input, response });
    return response;
  };
  return new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: demoCredentials,
    endpoint,
    relay: `${SITE}/relay`,
    maxAttempts: 1,
    fetch: pageFetch as unknown as typeof fetch,
  });
}

/** What Vercel's rewrite `/relay/:path*` → `/api/relay` does: `path` joins the query. */
const keepingUrl = (url: URL) => {
  url.searchParams.set("path", url.pathname.replace(/^\/relay\//, ""));
  return url;
};
/** The other form a rewrite can take: the destination's URL, the path in the query only. */
const toDestination = (url: URL) => {
  const rewritten = keepingUrl(url);
  rewritten.pathname = "/api/relay";
  return rewritten;
};

const sentiment = new InvokeEndpointCommand({
  EndpointName: "sentiment",
  Body: JSON.stringify({ inputs: "I love relays" }),
  ContentType: "application/json",
});

describe("api/relay.ts in the Edge runtime", () => {
  it("is an Edge Function bundled with no import left", () => {
    expect(imports).toEqual([]);
    expect(relay.config).toEqual({ runtime: "edge" });
  });

  it.each([
    ["as the page sent it", (url: URL) => url],
    ["with the rewrite's `path` in the query", keepingUrl],
    ["at the rewrite's destination", toDestination],
  ])("forwards a browser-signed InvokeEndpoint unchanged, with CORS: %s", async (_, rewrite) => {
    const seen: Seen[] = [];
    const out = await browserClient(relay, { rewrite, seen }).send(sentiment);
    expect(JSON.parse(out.Body.transformToString())).toEqual([
      { label: "POSITIVE", score: expect.any(Number) },
    ]);
    const host = new URL(emulator.url).host;
    expect(seen.map((s) => s.url)).toEqual([
      `${SITE}/relay/${host}/endpoints/sentiment/invocations`,
    ]);
    expect(seen[0]?.response.headers.get("access-control-allow-origin")).toBe(PAGE);
    // The emulator verified the browser's signature: the relay changed nothing it covers.
    expect(emulator.mock.requests.at(-1)).toMatchObject({
      endpointName: "sentiment",
      accessKeyId: "AKIDEXAMPLE",
      status: 200,
    });
  });

  it("streams InvokeEndpointWithResponseStream through", async () => {
    const { Body } = await browserClient(relay, { rewrite: keepingUrl }).send(
      new InvokeEndpointWithResponseStreamCommand({
        EndpointName: "chat",
        Body: JSON.stringify({ inputs: "through the edge" }),
        ContentType: "application/json",
      }),
    );
    let text = "";
    for await (const token of readTokens(Body)) text += token;
    expect(text).toBe('Turn 1: you said "through the edge".');
  });

  it("refuses other origins, hosts that are not SageMaker's, and endpoints not in RELAY_ENDPOINTS", async () => {
    const before = emulator.mock.requests.length;
    const call = (client: SageMakerRuntimeClient) =>
      client.send(sentiment).then(
        () => "sent",
        (error: Error & { $metadata?: { httpStatusCode?: number } }) =>
          `${error.$metadata?.httpStatusCode} ${error.name}: ${error.message}`,
      );
    expect(await call(browserClient(relay, { origin: "https://evil.example" }))).toBe(
      "403 AccessDeniedException: Origin https://evil.example may not use this relay.",
    );
    expect(await call(browserClient(relay, { endpoint: "http://127.0.0.1:1" }))).toMatch(
      /^403 AccessDeniedException: The relay forwards to SageMaker Runtime hosts only /,
    );
    expect(await call(browserClient(narrow))).toBe(
      "403 AccessDeniedException: Endpoint sentiment may not be called through this relay.",
    );
    expect(emulator.mock.requests.length).toBe(before);
  });
});
