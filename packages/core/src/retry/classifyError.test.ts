import { describe, expect, it } from "vitest";
import { classifyError } from "./classifyError";

const status = (httpStatusCode: number, name = "Whatever") => ({
  name,
  $metadata: { httpStatusCode },
});

describe("classifyError", () => {
  it.each([
    ["ModelNotReadyException 429", status(429, "ModelNotReadyException"), "THROTTLING"],
    ["ThrottlingException 400", status(400, "ThrottlingException"), "THROTTLING"],
    ["TooManyRequestsException", status(400, "TooManyRequestsException"), "THROTTLING"],
    ["InternalFailure 500", status(500, "InternalFailure"), "TRANSIENT"],
    ["502 without a code", status(502, "502"), "TRANSIENT"],
    ["ServiceUnavailable 503", status(503, "ServiceUnavailable"), "TRANSIENT"],
    ["504", status(504), "TRANSIENT"],
    ["TimeoutError", { name: "TimeoutError" }, "TRANSIENT"],
    [
      "Signature expired",
      { name: "InvalidSignatureException", message: "Signature expired: x" },
      "TRANSIENT",
    ],
    ["Chromium network failure", new TypeError("Failed to fetch"), "TRANSIENT"],
    [
      "Firefox network failure",
      new TypeError("NetworkError when attempting to fetch resource."),
      "TRANSIENT",
    ],
    ["Safari network failure", new TypeError("Load failed"), "TRANSIENT"],
    [
      "undici: a body cut off",
      Object.assign(new TypeError("terminated"), { cause: { code: "UND_ERR_SOCKET" } }),
      "TRANSIENT",
    ],
    ["Chromium: a body cut off", new TypeError("network error"), "TRANSIENT"],
    [
      "undici ECONNRESET in cause",
      Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } }),
      "TRANSIENT",
    ],
    ["ECONNREFUSED on the error", { name: "Error", code: "ECONNREFUSED" }, "TRANSIENT"],
    ["InternalDependencyException 530", status(530, "InternalDependencyException"), "SERVER_ERROR"],
    ["ModelError 424", status(424, "ModelError"), "CLIENT_ERROR"],
    ["ValidationError 400", status(400, "ValidationError"), "CLIENT_ERROR"],
    ["AbortError", { name: "AbortError", cause: { code: "ECONNRESET" } }, "CLIENT_ERROR"],
    ["a TypeError from a bug", new TypeError("x is not a function"), "CLIENT_ERROR"],
  ])("%s is %s", (_label, error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });
});
