import { http } from "msw";
import { resolveConfig } from "./config";
import { FaultQueue } from "./faults";
import { handleRequest, type MockState } from "./handle-request";
import { matchRoute } from "./route";
import type { ReceivedRequest, SageMakerHandlersOptions, SageMakerMock } from "./types";

/**
 * MSW handlers that behave like Amazon SageMaker Runtime: they verify SigV4, route to the
 * models you give, answer SageMaker's errors, and inject the faults you queue.
 *
 * @example
 * const mock = sageMakerHandlers({ endpoints: { echo: (req) => ({ body: req.json() }) } });
 * const server = setupServer(...mock.handlers);
 */
export function sageMakerHandlers(options: SageMakerHandlersOptions): SageMakerMock {
  const config = resolveConfig(options);
  const requests: ReceivedRequest[] = [];
  const faults = new FaultQueue();
  const state: MockState = { config, faults, requests };

  const runtime = http.all(
    ({ request }) => matchRoute(request, config.baseUrls) !== undefined,
    async ({ request }) => {
      const route = matchRoute(request, config.baseUrls);
      if (route === undefined) return undefined;
      return handleRequest(request, route, state);
    },
  );

  return {
    handlers: [runtime],
    requests,
    faults,
    reset() {
      requests.length = 0;
      faults.clear();
    },
  };
}
