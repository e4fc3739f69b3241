import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import type { Transport } from "./transport";

/** Node: MSW intercepts the global fetch, as in a user's test suite. */
export async function startTransport(handlers: RequestHandler[]): Promise<Transport> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledFrame: "error" });
  return { fetch: undefined, runtime: "node", stop: () => server.close() };
}
