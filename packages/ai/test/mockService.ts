import {
  createDemoEndpoints,
  demoCredentials,
  type EndpointDefinition,
  sageMakerHandlers,
} from "@sagefetch/msw";
import { startTransport } from "@sagefetch/testing/transports/fetch";
import { createSageMaker, type SageMakerProvider } from "../src/index";

export interface ChatMockService {
  mock: ReturnType<typeof sageMakerHandlers>;
  /** A fetch answered by the mock's handlers. */
  fetch: typeof globalThis.fetch;
  /** A provider for the mock, with its demo credentials. */
  sagemaker: SageMakerProvider;
}

/**
 * The MSW SageMaker mock (signatures verified, the demo chat containers), reached through the
 * fetch transport, which asks its handlers directly: the same in Node, workerd, the edge runtime
 * and a page, with nothing to intercept.
 */
export async function startChatMock(): Promise<ChatMockService> {
  const demo = createDemoEndpoints({ chatPaceMs: 0 });
  const mock = sageMakerHandlers({
    endpoints: {
      ...demo,
      // The vLLM demo container behind stateful sessions, as the session tests need.
      "vllm-sessions": { model: demo.vllm as never, sessions: { ttlSeconds: 600 } },
    } as Record<string, EndpointDefinition>,
  });
  const { fetch } = await startTransport(mock.handlers);
  if (!fetch) throw new TypeError("The fetch transport always gives a fetch");
  const sagemaker = createSageMaker({ region: "us-east-1", credentials: demoCredentials, fetch });
  return { mock, fetch, sagemaker };
}
