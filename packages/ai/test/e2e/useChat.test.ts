// A stock `useChat` page (React, @ai-sdk/react) with SageMakerChatTransport, in Debian's
// Chromium: it signs in as a Cognito guest and streams from the emulator's demo containers through
// the relay on Node (`toNodeHandler`), on three origins, as a front-end app in production would.
// Sending, a tool call run in the page and the answer after it, stop, regenerate.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { createDemoEndpoints } from "@sagefetch/msw";
import { createRelay } from "@sagefetch/relay";
import { toNodeHandler } from "@sagefetch/relay/node";
import { chromiumAvailable, launchChromium } from "@sagefetch/testing/chromium";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const IDENTITY_POOL = "us-east-1:00000000-0000-4000-8000-000000000002";

interface Running {
  url: string;
  close(): Promise<void>;
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<Running> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The page's script, bundled for the browser from the sources in the tree. */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./chatPage.tsx", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["@sagefetch/source", "browser", "module"],
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe.runIf(chromiumAvailable("The useChat end-to-end test"))(
  "useChat with SageMakerChatTransport, in Chromium, through the relay",
  () => {
    let emulator: Emulator;
    let relay: Running;
    let pages: Running;
    let browser: Browser;

    beforeAll(async () => {
      // The service as it is: no CORS on SageMaker Runtime; Cognito answers CORS.
      emulator = await startEmulator({
        port: 0,
        cors: false,
        endpoints: {
          ...createDemoEndpoints({ chatPaceMs: 5 }),
          // The same LMI container, one token every 400 ms: still streaming when Stop is pressed.
          "slow-lmi": createDemoEndpoints({ chatPaceMs: 400 })["lmi-messages"],
        },
        cognito: { identityPools: { [IDENTITY_POOL]: { allowUnauthenticated: true } } },
      });
      const script = await bundlePage();
      pages = await listen((req, res) => {
        if (req.url === "/page.js") {
          res.writeHead(200, { "content-type": "text/javascript" }).end(script);
        } else if (req.url?.startsWith("/?") || req.url === "/") {
          res
            .writeHead(200, { "content-type": "text/html" })
            .end(
              '<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="/page.js"></script>',
            );
        } else {
          res.writeHead(404).end();
        }
      });
      relay = await listen(
        toNodeHandler(createRelay({ extraUpstreams: [emulator.url], allowedOrigins: [pages.url] })),
      );
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await relay?.close();
      await pages?.close();
      await emulator?.close();
    });

    async function openChat(container = "vllm", endpoint = container): Promise<Page> {
      const page = await browser.newPage();
      const query = new URLSearchParams({
        emulator: emulator.url,
        relay: relay.url,
        cognito: emulator.cognitoUrl as string,
        pool: IDENTITY_POOL,
        container,
        endpoint,
      });
      await page.goto(`${pages.url}/?${query}`);
      await page.waitForSelector("#send");
      return page;
    }

    async function send(page: Page, text: string) {
      await page.fill("#prompt", text);
      await page.click("#send");
    }

    const lastAnswer = (page: Page) => page.locator("#messages li.assistant").last();

    it("streams an answer from the endpoint, through the relay", async () => {
      emulator.mock.reset();
      const page = await openChat();
      await send(page, "Hello there");
      await expect
        .poll(() => lastAnswer(page).textContent(), { timeout: 20_000 })
        .toBe('Turn 1: you said "Hello there".');
      await expect.poll(() => page.textContent("#status")).toBe("ready");
      // One signed stream call reached the emulator, signed with the Cognito guest's key
      // (not the demo key), forwarded by the relay.
      const calls = emulator.mock.requests.filter((r) => r.endpointName === "vllm");
      expect(calls.map((r) => [r.operation, r.status])).toEqual([
        ["InvokeEndpointWithResponseStream", 200],
      ]);
      expect(calls[0]?.accessKeyId).not.toBe("AKIDEXAMPLE");
      await page.close();
    });

    it("runs the tool call in the page and answers with its result", async () => {
      const page = await openChat();
      await send(page, "What is the weather in Paris?");
      const card = page.locator(".tool-card");
      await expect
        .poll(() => card.getAttribute("data-state"), { timeout: 20_000 })
        .toBe("output-available");
      expect(await card.textContent()).toContain('{"city":"Paris"}');
      expect(await card.textContent()).toContain("18°C and sunny in Paris");
      await expect
        .poll(() => lastAnswer(page).textContent(), { timeout: 20_000 })
        .toContain("18°C and sunny in Paris");
      await page.close();
    });

    it("stops a streaming answer, and regenerates it", async () => {
      const page = await openChat("lmi-messages", "slow-lmi");
      await send(page, "Tell me a long story about the sea and every ship that sailed on it");
      await expect
        .poll(() => lastAnswer(page).textContent(), { timeout: 20_000 })
        .toMatch(/^Turn 1/);
      await page.click("#stop");
      await expect.poll(() => page.textContent("#status")).toBe("ready");
      const stopped = (await lastAnswer(page).textContent()) ?? "";
      const full =
        'Turn 1: you said "Tell me a long story about the sea and every ship that sailed on it".';
      expect(full.startsWith(stopped)).toBe(true);
      expect(stopped.length).toBeLessThan(full.length);

      await page.click("#regenerate");
      await expect.poll(() => lastAnswer(page).textContent(), { timeout: 40_000 }).toBe(full);
      expect(await page.locator("#messages li.assistant").count()).toBe(1);
      await page.close();
    });
  },
);
