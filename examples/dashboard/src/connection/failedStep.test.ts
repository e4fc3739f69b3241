import { ModelError } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import { failedStep, inStep } from "./failedStep";

const failing = (error: unknown) => () => Promise.reject(error);

describe("failedStep", () => {
  it("names the step whose run threw, and passes the error on unchanged", async () => {
    const cognito = new TypeError("Failed to fetch");
    const relay = new TypeError("Failed to fetch");
    await expect(inStep("cognito", failing(cognito))).rejects.toBe(cognito);
    await expect(inStep("relay", failing(relay))).rejects.toBe(relay);
    expect([failedStep(cognito), failedStep(relay)]).toEqual(["cognito", "relay"]);
    expect(await inStep("relay", async () => "ok")).toBe("ok");
  });

  it("finds the step through an error's cause", async () => {
    const inner = new TypeError("Failed to fetch");
    await inStep("cognito", failing(inner)).catch(() => {});
    expect(failedStep(new Error("The credentials provider failed.", { cause: inner }))).toBe(
      "cognito",
    );
  });

  it("an abort is no step's failure", async () => {
    const abort = new DOMException("aborted", "AbortError");
    await inStep("relay", failing(abort)).catch(() => {});
    expect(failedStep(abort)).toBeUndefined();
  });

  it("an answered error is the endpoint's with a request id, the relay's own without", () => {
    const answered = (requestId?: string) =>
      new ModelError({
        message: "boom",
        $metadata: { httpStatusCode: 424, ...(requestId ? { requestId } : {}) },
      });
    expect(failedStep(answered("a1b2"))).toBe("endpoint");
    expect(failedStep(answered())).toBe("relay");
    expect(failedStep(new TypeError("Failed to fetch"))).toBeUndefined();
  });
});
