import {
  createDemoEndpoints,
  demoCredentials,
  type EndpointDefinition,
  sageMakerHandlers,
} from "@sagefetch/msw";
import { getResponse } from "msw";
import { createSageMaker, type SageMakerProvider } from "../src/index";

export interface ChatMockService {
  mock: ReturnType<typeof sageMakerHandlers>;
  /** A fetch answered by the mock's handlers. */
  fetch: typeof globalThis.fetch;
  /** A provider for the mock, with its demo credentials. */
  sagemaker: SageMakerProvider;
}

/**
 * The MSW SageMaker mock (signatures verified, the demo chat containers), reached through a
 * `fetch` that asks its handlers directly: the same in Node, workerd, the edge runtime and a
 * page, with nothing to intercept.
 */
export function startChatMock(): ChatMockService {
  const demo = createDemoEndpoints({ chatPaceMs: 0 });
  const mock = sageMakerHandlers({
    endpoints: {
      ...demo,
      // The vLLM demo container behind stateful sessions, as the session tests need.
      "vllm-sessions": { model: demo.vllm as never, sessions: { ttlSeconds: 600 } },
    } as Record<string, EndpointDefinition>,
  });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(mock.handlers, request);
    if (!response) throw new TypeError(`No mock handler for ${request.method} ${request.url}`);
    if (response.type === "error") throw new TypeError("Failed to fetch");
    return response;
  };
  const sagemaker = createSageMaker({ region: "us-east-1", credentials: demoCredentials, fetch });
  return { mock, fetch, sagemaker };
}
