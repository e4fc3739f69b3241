import { http } from "msw";
import { openAiRouteHandler } from "../openai/openAiRoute";
import { resolveConfig } from "./config";
import { handleRequest } from "./handleRequest";
import { createMockState, resetMockState } from "./mockState";
import { matchRoute } from "./route";
import type { SageMakerHandlersOptions, SageMakerMock } from "./types";

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
  const state = createMockState(config, options);

  const runtime = http.all(
    ({ request }) => matchRoute(request, config.baseUrls) !== undefined,
    async ({ request }) => {
      const route = matchRoute(request, config.baseUrls);
      if (route === undefined) return undefined;
      return handleRequest(request, route, state);
    },
  );

  return {
    // The OpenAI-compatible route first: the runtime handler takes every path of its hosts.
    handlers: [openAiRouteHandler(state), runtime],
    requests: state.requests,
    faults: state.faults,
    credentials: config.credentials,
    stream: state.stream,
    asyncResults: state.asyncResults,
    sessions: state.sessions,
    reset: () => resetMockState(state),
  };
}
