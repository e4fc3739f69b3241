import { getResponse, HttpResponse, http, type RequestHandler } from "msw";

/** Not signed: the tests' fetch adds them after the client has signed. */
const GENERATION_HEADER = "x-sagefetch-test-generation";
const REQUEST_HEADER = "x-sagefetch-test-request";

export interface TestGenerations {
  /**
   * The mock's handlers behind one gate: a request sent before the last `next()` gets a network
   * error without reaching them; the others are answered by them, and counted until they are.
   */
  gate(handlers: RequestHandler[]): RequestHandler;
  /**
   * A fetch for the client that tags each request with the generation it is sent in, and an id.
   * `base` is looked up on every call, as the client looks up the global fetch, so that MSW's
   * interception in Node applies.
   */
  tagging(base: () => typeof fetch): typeof fetch;
  /** From now on, requests sent before are answered by no one (call it between tests). */
  next(): void;
  /**
   * Resolves once every request that passed the gate has been logged by the mock (`logged` says
   * whether the mock's log holds the request of that id) or answered: then nothing the test sent
   * can land in the mock's log, or take a fault, after the mock is reset.
   */
  settled(logged: (id: string) => boolean): Promise<void>;
}

/** The id `tagging` gave a request, read from the headers a mock's log keeps of it. */
export function requestId(headers: Record<string, string>): string | undefined {
  return headers[REQUEST_HEADER];
}

/**
 * Keeps a test's requests out of the tests after it. A request reaches the mock some time after
 * it was sent, and the mock logs it (and draws the faults queued for it) only after reading its
 * body, which in Chromium takes at least one task: the test that sent it can end, and the next
 * one begin, in between. In Chromium an aborted fetch still reaches the mock (the abort does not
 * cross into MSW's service worker, w3c/ServiceWorker#1544), so a test that aborts calls leaves
 * such requests behind by design.
 *
 * So each request carries the generation it was sent in: one from an earlier generation gets a
 * network error that nobody is waiting for, without reaching the mock. And the mock is reset
 * only once the requests already let through have been logged (`settled`): a request is either
 * in the log that is about to be cleared, or never reaches the mock.
 */
export function testGenerations(): TestGenerations {
  let current = 0;
  let sent = 0;
  /** The ids of the requests let through to the mock and not yet answered. */
  const inFlight = new Set<string>();
  return {
    gate: (handlers) =>
      http.all("*", async ({ request }) => {
        const sentIn = request.headers.get(GENERATION_HEADER);
        if (sentIn !== null && Number(sentIn) < current) return HttpResponse.error();
        const id = request.headers.get(REQUEST_HEADER);
        if (id === null) return getResponse(handlers, request);
        inFlight.add(id);
        try {
          return await getResponse(handlers, request);
        } finally {
          inFlight.delete(id);
        }
      }),
    tagging: (base) => (input, init) => {
      const headers = new Headers(
        init?.headers ?? (input instanceof Request ? input.headers : undefined),
      );
      headers.set(GENERATION_HEADER, String(current));
      headers.set(REQUEST_HEADER, `${current}.${++sent}`);
      return base()(input, { ...init, headers });
    },
    next: () => {
      current++;
    },
    settled: async (logged) => {
      // The mock logs a request a task or two after it arrives: wait for that state, not a time.
      while ([...inFlight].some((id) => !logged(id))) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  };
}
