import { describe, expect, inject, it } from "vitest";

declare module "vitest" {
  interface ProvidedContext {
    /** The Vitest project's runtime (vitest.config.ts). */
    runtime: "node" | "workerd" | "edge";
  }
}

// biome-ignore lint/suspicious/noExplicitAny: probing globals that only some runtimes have
const g = globalThis as any;

/** Where this code runs, from what only that runtime has. */
function detectRuntime(): string {
  if (typeof g.WebSocketPair === "function" && g.navigator?.userAgent === "Cloudflare-Workers") {
    return "workerd";
  }
  if (typeof g.EdgeRuntime === "string") return "edge";
  if (typeof g.process?.versions?.node === "string" && /^Node\.js\//.test(g.navigator?.userAgent)) {
    return "node";
  }
  return `unknown (${g.navigator?.userAgent})`;
}

describe("the runtime", () => {
  it("is the one the project is named after", () => {
    expect(detectRuntime()).toBe(inject("runtime"));
  });
});
