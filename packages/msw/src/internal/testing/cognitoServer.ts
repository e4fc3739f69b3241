// Test-only: the Cognito Identity and STS mock on a test clock, served by MSW's Node server to the
// test file that calls this: listening before its tests, reset after each, closed after all.
import { type SetupServer, setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import {
  type CognitoIdentityHandlersOptions,
  type CognitoIdentityMock,
  cognitoIdentityHandlers,
} from "../../index";
import { testClock } from "./cognito";

export interface ServedCognitoMock {
  clock: ReturnType<typeof testClock>;
  mock: CognitoIdentityMock;
  server: SetupServer;
}

export function serveCognitoMock(
  options: Omit<CognitoIdentityHandlersOptions, "now">,
): ServedCognitoMock {
  const clock = testClock();
  const mock = cognitoIdentityHandlers({ now: clock.now, ...options });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
  afterEach(() => mock.reset());
  afterAll(() => server.close());
  return { clock, mock, server };
}
