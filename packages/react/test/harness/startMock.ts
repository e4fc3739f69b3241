import {
  SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
  STANDARD_2026,
  StandardRetryStrategy,
} from "@sagefetch/core";
import { demoCredentials, type SageMakerMock, sageMakerHandlers } from "@sagefetch/msw";
import { startTransport } from "#transport";
import { testGenerations } from "../../../core/test/harness/testGenerations";
import { endpoints, order } from "./endpoints";

export interface MockService {
  mock: SageMakerMock;
  runtime: string;
  /** A client for the mock; retries wait 1% of their usual delay so tests stay fast. */
  client(config?: SageMakerRuntimeClientConfig): SageMakerRuntimeClient;
  /** Empties the mock for the next test; requests the last test left in flight are dropped. */
  reset(): void;
  stop(): void;
}

/** Starts the MSW SageMaker mock in this runtime (setupServer in Node, a worker in Chromium). */
export async function startMock(): Promise<MockService> {
  const mock = sageMakerHandlers({ endpoints });
  const generations = testGenerations();
  const transport = await startTransport([generations.handler, ...mock.handlers]);
  const fetch = generations.tagging(() => transport.fetch ?? globalThis.fetch);
  return {
    mock,
    runtime: transport.runtime,
    client: (config = {}) =>
      new SageMakerRuntimeClient({
        region: "us-east-1",
        credentials: demoCredentials,
        fetch,
        retryStrategy: new StandardRetryStrategy(STANDARD_2026, () => 0.01),
        ...config,
      }),
    reset: () => {
      generations.next();
      mock.reset();
      order.length = 0;
    },
    stop: transport.stop,
  };
}
