// Issue: client-side errors shared no base and declared no `$metadata`; `name` was `string`,
// so comparing it narrowed nothing; a closed session's call threw a TypeError.
import { describe, expect, expectTypeOf, it } from "vitest";
import { CognitoIdentityServiceException } from "../cognito/CognitoIdentityServiceException";
import { CredentialsProviderError } from "../credentials/types";
import { EventStreamError } from "../eventstream/EventStreamError";
import { Session } from "../sessions/Session";
import { SessionClosedError } from "../sessions/SessionClosedError";
import { SessionExpiredError } from "../sessions/SessionExpiredError";
import { TokenFormatError } from "../stream/TokenFormatError";
import {
  AbortError,
  CorsBlockedError,
  EndpointError,
  RelayUnreachableError,
  TimeoutError,
} from "./clientErrors";
import { isRetryableError, isThrottlingError } from "./errorGuards";
import { ModelError, ModelNotReadyException, ValidationError } from "./modeledErrors";
import { SagefetchClientError } from "./SagefetchClientError";
import { SageMakerRuntimeServiceException } from "./SageMakerRuntimeServiceException";
import type { SendError } from "./SendError";

const cause = new TypeError("Failed to fetch");
const CLIENT_ERRORS: [string, SagefetchClientError][] = [
  ["AbortError", new AbortError({ message: "aborted", cause })],
  ["TimeoutError", new TimeoutError({ message: "slow", timeoutMs: 5 })],
  ["EndpointError", new EndpointError({ message: "no region" })],
  ["CorsBlockedError", new CorsBlockedError({ message: "m", targetOrigin: "https://x", cause })],
  [
    "RelayUnreachableError",
    new RelayUnreachableError({ message: "m", relayOrigin: "https://r", cause }),
  ],
  ["CredentialsProviderError", new CredentialsProviderError({ message: "m", cause })],
  ["EventStreamError", new EventStreamError({ fault: "truncated", message: "m" })],
  ["SessionExpiredError", new SessionExpiredError({ sessionId: "s1", cause })],
  ["SessionClosedError", new SessionClosedError({ sessionId: "s1" })],
  ["TokenFormatError", new TokenFormatError({ message: "m" })],
  [
    "NotAuthorizedException",
    new CognitoIdentityServiceException({
      name: "NotAuthorizedException",
      message: "m",
      status: 400,
      requestId: "r",
    }),
  ],
];

describe("client-side errors share one base", () => {
  it.each(CLIENT_ERRORS)("%s", (name, error) => {
    expect(error).toBeInstanceOf(SagefetchClientError);
    expect(error).toBeInstanceOf(Error);
    expect(SagefetchClientError.isInstance(error)).toBe(true);
    expect(SageMakerRuntimeServiceException.isInstance(error)).toBe(false);
    expect(error.name).toBe(name);
    expect(error.$metadata).toEqual(expect.any(Object));
    expect(String(error)).toBe(`${name}: ${error.message}`);
  });

  it("keeps the options it was given: cause and $metadata", () => {
    const error = new TimeoutError({
      message: "slow",
      timeoutMs: 5,
      cause,
      $metadata: { attempts: 2 },
    });
    expect(error.cause).toBe(cause);
    expect(error.$metadata).toEqual({ attempts: 2 });
    expect(error.timeoutMs).toBe(5);
  });
});

describe("SendError narrows on name", () => {
  const describeError = (error: SendError): string => {
    // Each branch compiles only if `name` narrows to the one class.
    if (error.name === "ModelError") return `model ${error.OriginalStatusCode}`;
    if (error.name === "ValidationError") return `field ${error.field}`;
    if (error.name === "TimeoutError") return `timeout ${error.timeoutMs}`;
    if (error.name === "EventStreamError") return `stream ${error.fault}`;
    if (error.name === "CorsBlockedError") return `cors ${error.targetOrigin}`;
    if (error.name === "ThrottlingException") return `throttled ${error.$fault}`;
    return error.name;
  };

  it("at compile time", () => {
    expectTypeOf<Extract<SendError, { name: "ModelError" }>>().toEqualTypeOf<ModelError>();
    expectTypeOf<Extract<SendError, { name: "AbortError" }>>().toEqualTypeOf<AbortError>();
  });

  it("and at run time", () => {
    const model = new ModelError({ message: "m", $metadata: {}, OriginalStatusCode: 400 });
    expect(describeError(model)).toBe("model 400");
    const invalid = new ValidationError({ message: "m", $metadata: {}, field: "Body" });
    expect(describeError(invalid)).toBe("field Body");
    expect(describeError(new TimeoutError({ message: "m", timeoutMs: 9 }))).toBe("timeout 9");
    const throttled = new SageMakerRuntimeServiceException({
      name: "ThrottlingException",
      $fault: "client",
      $metadata: {},
    }) as SendError;
    expect(describeError(throttled)).toBe("throttled client");
  });
});

describe("isThrottlingError and isRetryableError", () => {
  const service = (name: string, httpStatusCode: number, $fault: "client" | "server") =>
    new SageMakerRuntimeServiceException({ name, $fault, $metadata: { httpStatusCode } });
  it.each([
    ["ThrottlingException (400)", service("ThrottlingException", 400, "client"), true, true],
    [
      "ModelNotReadyException (429)",
      new ModelNotReadyException({ message: "m", $metadata: { httpStatusCode: 429 } }),
      true,
      true,
    ],
    ["ServiceUnavailable (503)", service("ServiceUnavailable", 503, "server"), false, true],
    ["InternalDependencyException (530)", service("X", 530, "server"), false, true],
    ["a network TypeError", new TypeError("fetch failed"), false, true],
    ["TimeoutError", new TimeoutError({ message: "m", timeoutMs: 1 }), false, true],
    ["ValidationError (400)", service("ValidationError", 400, "client"), false, false],
    ["AbortError", new AbortError({ message: "m" }), false, false],
    [
      "CredentialsProviderError",
      new CredentialsProviderError({ message: "m", cause }),
      false,
      false,
    ],
    ["a non-error", "boom", false, false],
  ])("%s", (_name, error, throttling, retryable) => {
    expect(isThrottlingError(error)).toBe(throttling);
    expect(isRetryableError(error)).toBe(retryable);
  });
});

describe("a closed session", () => {
  it("refuses further calls with SessionClosedError", async () => {
    const client = {
      send: async (command: { input: { SessionId?: string } }) =>
        command.input.SessionId === "NEW_SESSION"
          ? { NewSessionId: "s-1; Expires=2999-01-01T00:00:00Z", $metadata: {} }
          : { ClosedSessionId: "s-1", $metadata: {} },
    };
    const session = await Session.open(client as never, { EndpointName: "ep" });
    await session.close();
    const error = await session.invoke({ Body: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionClosedError);
    expect(error).toMatchObject({ name: "SessionClosedError", sessionId: "s-1" });
  });
});
