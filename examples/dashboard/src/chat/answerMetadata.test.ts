import { APICallError, RetryError } from "ai";
import { describe, expect, it } from "vitest";
import { answerMetadata, errorName, rootError } from "./answerMetadata";

const model = { endpointName: "my-llm", container: "vllm" };

/** A clock the test moves by hand. */
function clocks() {
  let t = 1000;
  return { now: () => t, clock: () => 1_700_000_000_000 + t, advance: (ms: number) => (t += ms) };
}

describe("answerMetadata", () => {
  it("times the first token from the start, once, and the whole answer at its finish", () => {
    const { now, clock, advance } = clocks();
    const metadata = answerMetadata(model, now, clock);
    expect(metadata({ part: { type: "start" } })).toEqual({
      ...model,
      startedAt: 1_700_000_001_000,
    });
    advance(40);
    expect(metadata({ part: { type: "start-step" } })).toBeUndefined();
    advance(80);
    expect(metadata({ part: { type: "text-delta" } })).toEqual({ timeToFirstTokenMs: 120 });
    advance(30);
    expect(metadata({ part: { type: "text-delta" } })).toBeUndefined();
    advance(50);
    expect(
      metadata({ part: { type: "finish", totalUsage: { inputTokens: 4, outputTokens: 9 } } }),
    ).toEqual({ durationMs: 200, usage: { inputTokens: 4, outputTokens: 9 } });
  });

  it("counts a tool call's start as the first token, and starts again with the next answer", () => {
    const { now, advance } = clocks();
    const metadata = answerMetadata(model, now);
    metadata({ part: { type: "start" } });
    advance(70);
    expect(metadata({ part: { type: "tool-input-start" } })).toEqual({ timeToFirstTokenMs: 70 });
    metadata({ part: { type: "start" } });
    advance(15);
    expect(metadata({ part: { type: "text-delta" } })).toEqual({ timeToFirstTokenMs: 15 });
  });

  it("leaves out usage the model did not report", () => {
    const metadata = answerMetadata(model, () => 0);
    metadata({ part: { type: "start" } });
    const finish = metadata({ part: { type: "finish", totalUsage: { inputTokens: undefined } } });
    expect(finish?.usage).toEqual({});
  });
});

describe("rootError", () => {
  it("unwraps a retry's last error and an API call's cause, and stops at the typed error", () => {
    const network = new TypeError("Failed to fetch");
    const typed = new Error("could not reach the relay", { cause: network });
    typed.name = "RelayUnreachableError";
    const call = new APICallError({
      message: "x",
      url: "https://example.test",
      requestBodyValues: {},
      cause: typed,
    });
    const retried = new RetryError({
      message: "Failed after 3 attempts",
      reason: "maxRetriesExceeded",
      errors: [call],
    });
    expect(rootError(retried)).toBe(typed);
    expect(rootError(call)).toBe(typed);
    expect(rootError(typed)).toBe(typed);
    expect(rootError("text")).toBe("text");
    expect([errorName(retried), errorName("text")]).toEqual(["RelayUnreachableError", "Error"]);
  });
});
