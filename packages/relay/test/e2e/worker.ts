// The relay as a Cloudflare Worker, as an app would deploy it; the e2e test bundles this file
// and runs it in workerd (miniflare). UPSTREAM is the emulator's origin, PAGE the page's.
import { createRelay } from "../../src/index";

interface Env {
  UPSTREAM: string;
  PAGE_ORIGIN: string;
}

/** The demo endpoints the page may call; `tabular` is left out, to be refused. */
export const ALLOWED_ENDPOINTS: string[] = ["echo", "sentiment", "chat"];

let relay: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    relay ??= createRelay({
      extraUpstreams: [env.UPSTREAM],
      allowedOrigins: [env.PAGE_ORIGIN],
      allowedEndpoints: ALLOWED_ENDPOINTS,
    });
    return relay(request);
  },
};
