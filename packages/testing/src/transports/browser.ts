import type { RequestHandler } from "msw";
import { setupWorker } from "msw/browser";
import type { Transport } from "./transport";

/** Chromium: MSW's service worker answers the page's real fetch calls. */
export async function startTransport(handlers: RequestHandler[]): Promise<Transport> {
  const worker = setupWorker(...handlers);
  await worker.start({ quiet: true, onUnhandledFrame: "error" });
  return { fetch: undefined, runtime: "chromium", stop: () => worker.stop() };
}
