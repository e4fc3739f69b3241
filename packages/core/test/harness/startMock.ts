import {
  type CognitoIdentityHandlersOptions,
  type CognitoIdentityMock,
  cognitoIdentityHandlers,
  demoCredentials,
  type SageMakerHandlersOptions,
  type SageMakerMock,
  sageMakerHandlers,
} from "@sagefetch/msw";
import { startTransport } from "#transport";
import {
  SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
  STANDARD_2026,
  StandardRetryStrategy,
} from "../../src/index";
import { demoEndpoints } from "./demoEndpoints";
import { testGenerations } from "./testGenerations";

export interface MockService {
  mock: SageMakerMock;
  /** The Cognito Identity and STS mock, issuing credentials the SageMaker mock accepts. */
  cognito: CognitoIdentityMock;
  /** The server's clock runs this many ms ahead of the client's (negative: behind). */
  skewMs: number;
  runtime: string;
  /**
   * The fetch the client uses in this runtime: the runtime's (in Node and Chromium the global
   * one MSW intercepts), each request tagged so that `reset()` keeps it out of later tests.
   */
  fetch: typeof fetch;
  /** A client for the mock; retries wait 1% of their usual delay so tests stay fast. */
  client(config?: SageMakerRuntimeClientConfig): SageMakerRuntimeClient;
  /** Empties the mocks for the next test; requests the last test left in flight are dropped. */
  reset(): void;
  stop(): void;
}

/** Starts the MSW SageMaker mock in this runtime, with the demo endpoints and any extra options. */
export async function startMock(
  options: Partial<SageMakerHandlersOptions> & {
    cognito?: Partial<CognitoIdentityHandlersOptions>;
  } = {},
): Promise<MockService> {
  const service = {} as MockService;
  const { cognito: cognitoOptions, ...sageMakerOptions } = options;
  const mock = sageMakerHandlers({
    endpoints: demoEndpoints,
    now: () => Date.now() + service.skewMs,
    ...sageMakerOptions,
  });
  const cognito = cognitoIdentityHandlers({
    identityPools: {},
    now: () => Date.now() + service.skewMs,
    ...cognitoOptions,
    issueTo: mock,
  });
  const generations = testGenerations();
  const transport = await startTransport([
    generations.handler,
    ...mock.handlers,
    ...cognito.handlers,
  ]);
  const fetch = generations.tagging(() => transport.fetch ?? globalThis.fetch);
  return Object.assign(service, {
    mock,
    cognito,
    skewMs: 0,
    runtime: transport.runtime,
    fetch,
    client: (config: SageMakerRuntimeClientConfig = {}) =>
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
      cognito.reset();
      service.skewMs = 0;
    },
    stop: transport.stop,
  });
}
