import {
  type SageMakerRuntimeClient as Client,
  SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
  STANDARD_2026,
  StandardRetryStrategy,
} from "@sagefetch/core";
import {
  type CognitoIdentityHandlersOptions,
  type CognitoIdentityMock,
  cognitoIdentityHandlers,
  demoCredentials,
  type SageMakerHandlersOptions,
  type SageMakerMock,
  sageMakerHandlers,
} from "@sagefetch/msw";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startTransport } from "#transport";
import { demoEndpoints } from "./demoEndpoints";
import { requestId, testGenerations } from "./testGenerations";
import type { Transport } from "./transports/transport";

export interface MockService {
  mock: SageMakerMock;
  /** The Cognito Identity and STS mock, issuing credentials the SageMaker mock accepts. */
  cognito: CognitoIdentityMock;
  /** The server's clock runs this many ms ahead of the client's (negative: behind). */
  skewMs: number;
  /** Where the mock runs (`node`, `chromium`, `workerd`, `edge`, `fetch`); known once started. */
  readonly runtime: string;
  /**
   * The fetch the client uses in this runtime: the runtime's (in Node and Chromium the global
   * one MSW intercepts), each request tagged so that `reset()` keeps it out of later tests.
   */
  fetch: typeof fetch;
  /** A client for the mock; retries wait 1% of their usual delay so tests stay fast. */
  client(config?: SageMakerRuntimeClientConfig): Client;
  /** Empties the mocks for the next test; requests the last test left in flight are dropped. */
  reset(): void;
  /**
   * Resolves once every request that has reached the mocks has been logged or answered (a
   * request is logged a task or two after it arrives): call before `reset()` between tests.
   */
  settle(): Promise<void>;
  stop(): void;
}

export type MockOptions = Partial<SageMakerHandlersOptions> & {
  cognito?: Partial<CognitoIdentityHandlersOptions>;
  /** Also called by `reset()`: for state a test file keeps beside the mock. */
  onReset?: () => void;
};

/** Starts the MSW SageMaker mock in this runtime, with the demo endpoints and any extra options. */
export async function startMock(options: MockOptions = {}): Promise<MockService> {
  const { service, start } = createMockService(options);
  await start();
  return service;
}

/**
 * The setup every test file against the mock shares: starts the mock before the file's tests,
 * resets it after each test and stops it after the last. The service is ready in tests and in
 * hooks registered after this call.
 */
export function setupMockService(options: MockOptions = {}): MockService {
  const { service, start } = createMockService(options);
  beforeAll(start);
  afterEach(async () => {
    await service.settle();
    service.reset();
  });
  afterAll(() => service.stop());
  return service;
}

function createMockService(options: MockOptions): {
  service: MockService;
  start: () => Promise<void>;
} {
  const { cognito: cognitoOptions, onReset, ...sageMakerOptions } = options;
  let transport: Transport | undefined;
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
  const fetch = generations.tagging(() => transport?.fetch ?? globalThis.fetch);
  const service: MockService = {
    mock,
    cognito,
    skewMs: 0,
    get runtime() {
      if (!transport) throw new Error("The mock service has not started yet.");
      return transport.runtime;
    },
    fetch,
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
      cognito.reset();
      service.skewMs = 0;
      onReset?.();
    },
    settle: () =>
      generations.settled((id) =>
        [...mock.requests, ...cognito.requests].some((entry) => requestId(entry.headers) === id),
      ),
    stop: () => transport?.stop(),
  };
  const start = async () => {
    transport = await startTransport([generations.gate([...mock.handlers, ...cognito.handlers])]);
  };
  return { service, start };
}
