// Test-only: the Cognito Identity and STS mock on a test clock, served to the test file that
// calls this (see serveMock).
import type { SetupServer } from "msw/node";
import {
  type CognitoIdentityHandlersOptions,
  type CognitoIdentityMock,
  cognitoIdentityHandlers,
} from "../../index";
import { testClock } from "./cognito";
import { serveMock } from "./serveMock";

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
  return { clock, mock, server: serveMock(mock) };
}
