import { describe, expect, it } from "vitest";
import { ModelError, ValidationError } from "../errors/modeledErrors";
import { isSessionGoneError, SessionExpiredError } from "./SessionExpiredError";

const $metadata = { httpStatusCode: 424 };
const modelError = (OriginalStatusCode: number, OriginalMessage: string) =>
  new ModelError({
    $metadata,
    message: `Received client error (${OriginalStatusCode}) from primary with message "${OriginalMessage}".`,
    OriginalStatusCode,
    OriginalMessage,
  });

describe("isSessionGoneError", () => {
  it.each([
    [new SessionExpiredError({ sessionId: "s1" }), true],
    [modelError(400, '{"detail":"Bad request: session not found: 0f3c"}'), true],
    [modelError(400, "Session 0f3c has expired"), true],
    [
      new ValidationError({
        $metadata: { httpStatusCode: 400 },
        message: "Session id 0f3c not found.",
      }),
      true,
    ],
    [modelError(400, 'Invalid value for field "session_length"'), false],
    [modelError(500, "session not found: 0f3c"), false],
    [modelError(400, "CUDA out of memory"), false],
    [
      new ValidationError({
        $metadata: { httpStatusCode: 400 },
        message: "Endpoint chat of account 1 not found.",
      }),
      false,
    ],
    [new TypeError("Failed to fetch"), false],
    [undefined, false],
  ])("%o → %s", (error, gone) => {
    expect(isSessionGoneError(error)).toBe(gone);
  });
});
