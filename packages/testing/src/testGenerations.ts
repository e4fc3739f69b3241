import { HttpResponse, http, type RequestHandler } from "msw";

/** Not signed: the tests' fetch adds it after the client has signed. */
const GENERATION_HEADER = "x-sagefetch-test-generation";

export interface TestGenerations {
  /** Put in front of the mock's handlers: drops requests sent before the last `next()`. */
  handler: RequestHandler;
  /**
   * A fetch for the client that tags each request with the generation it is sent in. `base` is
   * looked up on every call, as the client looks up the global fetch, so that MSW's
   * interception in Node applies.
   */
  tagging(base: () => typeof fetch): typeof fetch;
  /** From now on, requests sent before are answered by no one (call it between tests). */
  next(): void;
}

/**
 * Keeps a test's requests out of the tests after it. In Chromium an aborted fetch can still
 * reach the mock after the test that made it has ended: the abort does not cross into MSW's
 * service worker (w3c/ServiceWorker#1544), which hands the request to the page's handlers when
 * it gets to it, on a loaded machine after the next test has begun. There it would be logged as
 * the next test's request and take the next test's queued fault. So each request carries the
 * generation it was sent in, and one from an earlier generation gets a network error that
 * nobody is waiting for, without reaching the mock.
 */
export function testGenerations(): TestGenerations {
  let current = 0;
  return {
    handler: http.all("*", ({ request }) => {
      const sentIn = request.headers.get(GENERATION_HEADER);
      if (sentIn !== null && Number(sentIn) < current) return HttpResponse.error();
      return undefined;
    }),
    tagging: (base) => (input, init) => {
      const headers = new Headers(
        init?.headers ?? (input instanceof Request ? input.headers : undefined),
      );
      headers.set(GENERATION_HEADER, String(current));
      return base()(input, { ...init, headers });
    },
    next: () => {
      current++;
    },
  };
}
