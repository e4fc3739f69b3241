import { describe, expect, inject, it } from "vitest";

declare module "vitest" {
  interface ProvidedContext {
    /** The Vitest project's name: where its tests are meant to run (vitest.config.ts). */
    runtime: "node" | "chromium" | "workerd" | "edge";
  }
}

// biome-ignore lint/suspicious/noExplicitAny: probing globals that only some runtimes have
const g = globalThis as any;

/** Where this code runs, from what only that runtime has. */
function detectRuntime(): string {
  // workerd: WebSocketPair and its fixed user agent.
  if (typeof g.WebSocketPair === "function" && g.navigator?.userAgent === "Cloudflare-Workers") {
    return "workerd";
  }
  // @edge-runtime/vm (Vercel's edge runtime) sets the EdgeRuntime global.
  if (typeof g.EdgeRuntime === "string") return "edge";
  // A real browser page: a DOM, a service worker container and Chrome's user agent.
  if (
    typeof g.document?.createElement === "function" &&
    typeof g.navigator?.serviceWorker === "object" &&
    /Chrome\//.test(g.navigator.userAgent)
  ) {
    return "chromium";
  }
  if (typeof g.process?.versions?.node === "string" && /^Node\.js\//.test(g.navigator?.userAgent)) {
    return "node";
  }
  return `unknown (${g.navigator?.userAgent})`;
}

describe("the runtime", () => {
  it("is the one the project is named after", () => {
    expect(detectRuntime()).toBe(inject("runtime"));
  });

  it("has what that runtime has", async () => {
    switch (inject("runtime")) {
      case "node":
        expect(g.process.release.name).toBe("node");
        break;
      case "chromium":
        expect(g.navigator.userAgent).toMatch(/HeadlessChrome\//);
        expect(g.window).toBe(globalThis);
        break;
      case "workerd": {
        // The Workers cache API and a WebSocketPair that really pairs.
        expect(typeof g.caches?.default?.match).toBe("function");
        const pair = new g.WebSocketPair();
        expect(Object.keys(pair)).toEqual(["0", "1"]);
        break;
      }
      case "edge":
        expect(g.EdgeRuntime).toBe("edge-runtime");
        break;
    }
    // Every runtime has the web platform the client is written against.
    expect(typeof fetch).toBe("function");
    expect(typeof crypto.subtle.digest).toBe("function");
    expect(typeof ReadableStream).toBe("function");
  });
});
