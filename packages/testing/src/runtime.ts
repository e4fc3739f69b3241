/** The runtimes the packages' tests run in, one Vitest project each. */
export type RuntimeName = "node" | "chromium" | "workerd" | "edge";

declare module "vitest" {
  interface ProvidedContext {
    /** The Vitest project's runtime: where its tests are meant to run (`vitest.config.ts`). */
    runtime: RuntimeName;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: probing globals that only some runtimes have
const g = globalThis as any;

/** Where this code runs, from what only that runtime has. */
export function detectRuntime(): string {
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
