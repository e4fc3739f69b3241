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

export interface MockService {
  mock: SageMakerMock;
  /** The Cognito Identity and STS mock, issuing credentials the SageMaker mock accepts. */
  cognito: CognitoIdentityMock;
  /** The server's clock runs this many ms ahead of the client's (negative: behind). */
  skewMs: number;
  runtime: string;
  /** The fetch the client should use in this runtime (undefined: the global one). */
  fetch: typeof fetch | undefined;
  /** A client for the mock; retries wait 1% of their usual delay so tests stay fast. */
  client(config?: SageMakerRuntimeClientConfig): SageMakerRuntimeClient;
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
  const transport = await startTransport([...mock.handlers, ...cognito.handlers]);
  return Object.assign(service, {
    mock,
    cognito,
    skewMs: 0,
    runtime: transport.runtime,
    fetch: transport.fetch,
    client: (config: SageMakerRuntimeClientConfig = {}) =>
      new SageMakerRuntimeClient({
        region: "us-east-1",
        credentials: demoCredentials,
        fetch: transport.fetch,
        retryStrategy: new StandardRetryStrategy(STANDARD_2026, () => 0.01),
        ...config,
      }),
    reset: () => {
      mock.reset();
      cognito.reset();
      service.skewMs = 0;
    },
    stop: transport.stop,
  });
}
