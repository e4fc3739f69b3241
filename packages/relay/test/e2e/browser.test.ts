// Done means (issue 6): a page on one origin signs with Cognito credentials and calls the
// emulator on another origin through the relay (in workerd, and on Node's http server) on a
// third: invoke and stream both work. The same page calling the emulator directly fails with
// CorsBlockedError, and a page of an origin the relay does not allow cannot use it.
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { launchChromium } from "@sagefetch/testing/chromium";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRelay } from "../../src/index";
import type { PageCall, PageResult } from "./page";
import { type Running, startNodeRelay, startPageServer, startWorkerdRelay } from "./servers";
import { ALLOWED_ENDPOINTS } from "./worker";

const IDENTITY_POOL = "us-east-1:00000000-0000-4000-8000-000000000001";

let emulator: Emulator;
let pages: Running & { port: number };
let browser: Browser;
const relays: Record<string, Running> = {};
let pageOrigin = "";

beforeAll(async () => {
  // The service as it is: no CORS on SageMaker Runtime; Cognito answers CORS (the real one does).
  emulator = await startEmulator({
    port: 0,
    cors: false,
    cognito: { identityPools: { [IDENTITY_POOL]: { allowUnauthenticated: true } } },
  });
  pages = await startPageServer();
  pageOrigin = pages.url;
  relays.workerd = await startWorkerdRelay(emulator.url, pageOrigin);
  relays.node = await startNodeRelay(
    createRelay({
      extraUpstreams: [emulator.url],
      allowedOrigins: [pageOrigin],
      allowedEndpoints: ALLOWED_ENDPOINTS,
    }),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(relays).map((relay) => relay.close()));
  await pages?.close();
  await emulator?.close();
});

beforeEach(() => emulator.mock.reset());

/** Opens the page (at `origin`, default the allowed one) and calls into its script. */
async function onPage(
  run: "invoke" | "stream",
  call: Omit<PageCall, "endpoint" | "cognitoUrl" | "identityPoolId"> & { endpoint?: string },
  origin = pageOrigin,
): Promise<PageResult> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => "sagefetchE2E" in window);
    const full: PageCall = {
      endpoint: emulator.url,
      cognitoUrl: emulator.cognitoUrl as string,
      identityPoolId: IDENTITY_POOL,
      ...call,
    };
    return await page.evaluate(([name, arg]) => window.sagefetchE2E[name](arg), [
      run,
      full,
    ] as const);
  } finally {
    await page.close();
  }
}

/** The credentials Cognito issued in this test (the page signed with one of them). */
const issuedKeys = () => emulator.cognito?.issued.map((issued) => issued.accessKeyId) ?? [];

describe.each(["workerd", "node"])("a page calling through the relay in %s", (runtime) => {
  const relay = () => (relays[runtime] as Running).url;

  it("invokes (echo and sentiment), signed with the Cognito guest's credentials", async () => {
    const echo = await onPage("invoke", {
      relay: relay(),
      endpointName: "echo",
      body: '{"hello":"relay"}',
    });
    expect(echo).toMatchObject({ ok: true, text: '{"hello":"relay"}' });
    const sentiment = await onPage("invoke", {
      relay: relay(),
      endpointName: "sentiment",
      body: '{"inputs":"I love it"}',
    });
    expect(sentiment.ok).toBe(true);
    expect(JSON.parse((sentiment as { text: string }).text)).toEqual([
      { label: "POSITIVE", score: expect.any(Number) },
    ]);
    // The emulator verified both signatures, made with keys Cognito minted for the page.
    const received = emulator.mock.requests;
    expect(received.map((r) => [r.endpointName, r.status])).toEqual([
      ["echo", 200],
      ["sentiment", 200],
    ]);
    expect(issuedKeys()).toContain(received[0]?.accessKeyId);
    expect(received[0]?.accessKeyId).toBe((echo as { accessKeyId: string }).accessKeyId);
    expect(received[0]?.accessKeyId).not.toBe("AKIDEXAMPLE");
    // The page read x-amzn-RequestId: the relay exposed it.
    expect((echo as { requestId?: string }).requestId).toBe(received[0]?.requestId);
  });

  it("streams (chat): the parts arrive as the emulator sends them", async () => {
    emulator.mock.stream.chunking = "byte";
    const chat = await onPage("stream", {
      relay: relay(),
      endpointName: "chat",
      body: JSON.stringify({ inputs: "hello", parameters: { max_new_tokens: 8 } }),
    });
    expect(chat).toMatchObject({ ok: true });
    const { text, parts } = chat as { text: string; parts: number };
    expect(parts).toBeGreaterThan(1);
    expect(parts).toBe(emulator.mock.requests[0]?.streamedParts);
    expect(text).toMatch(/^data: \{"token"/);
  });

  // The relay answers the preflight, then refuses the call with CORS headers: the page reads
  // why, as the typed error the client makes of any service error.
  it("an endpoint the relay does not allow: the page gets AccessDeniedException (403)", async () => {
    const result = await onPage("invoke", { relay: relay(), endpointName: "tabular", body: "{}" });
    expect(result).toMatchObject({ ok: false, name: "AccessDeniedException", status: 403 });
    expect((result as { message: string }).message).toContain("Endpoint tabular may not be called");
    expect(emulator.mock.requests).toHaveLength(0);
  });

  it("a host the relay does not forward to: the page gets AccessDeniedException (403)", async () => {
    const result = await onPage("stream", {
      relay: relay(),
      endpoint: "http://127.0.0.1:9",
      endpointName: "chat",
      body: "{}",
    });
    expect(result).toMatchObject({ ok: false, name: "AccessDeniedException", status: 403 });
    expect((result as { message: string }).message).toContain("SageMaker Runtime hosts only");
    expect(emulator.mock.requests).toHaveLength(0);
  });

  it("a page of an origin the relay does not allow cannot use it", async () => {
    // Same server, another origin: localhost is not 127.0.0.1.
    const result = await onPage(
      "invoke",
      { relay: relay(), endpointName: "echo", body: "{}" },
      `http://localhost:${pages.port}`,
    );
    // The preflight was refused: the browser never sent the call, and the client says the relay
    // could not be reached, rather than retrying a bare TypeError.
    expect(result).toMatchObject({ ok: false, name: "RelayUnreachableError" });
    expect(emulator.mock.requests).toHaveLength(0);
  });
});

describe("the same page calling the emulator directly", () => {
  it("fails with CorsBlockedError, which explains the relay", async () => {
    const result = await onPage("invoke", { endpointName: "echo", body: "{}" });
    expect(result).toMatchObject({
      ok: false,
      name: "CorsBlockedError",
      targetOrigin: emulator.url,
      causeName: "TypeError",
    });
    const { message } = result as { message: string };
    expect(message).toContain("which does not answer CORS");
    expect(message).toContain("@sagefetch/relay");
    expect(message).toContain("`relay`");
    expect(message).toContain(`from ${pageOrigin} to ${emulator.url}`);
    // Signed, but never read: no secret, session token or body in the explanation.
    expect(message).not.toMatch(/AWS4-HMAC|Signature=|x-amz-security-token/i);
    // The browser stopped at the preflight: no signed call reached the emulator.
    expect(emulator.mock.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });
});
