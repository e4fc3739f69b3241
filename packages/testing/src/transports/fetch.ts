import { getResponse, type RequestHandler } from "msw";
import type { Transport } from "./transport";

/**
 * workerd and the edge runtime have nothing for MSW to intercept, so the client is given a
 * `fetch` (its documented option) that asks the same handlers for the answer. A handler's
 * network error (`HttpResponse.error()`) rejects, as a real fetch would.
 */
export async function startTransport(
  handlers: RequestHandler[],
  runtime = "fetch",
): Promise<Transport> {
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response) throw new TypeError(`No mock handler for ${request.method} ${request.url}`);
    if (response.type === "error") throw new TypeError("Failed to fetch");
    return response;
  };
  return { fetch, runtime, stop: () => {} };
}
