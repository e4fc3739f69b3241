import { detectRuntime } from "@sagefetch/testing/runtime";
import { describe, expect, inject, it } from "vitest";

// biome-ignore lint/suspicious/noExplicitAny: probing globals that only some runtimes have
const g = globalThis as any;

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
