import retryVectors from "@vectors/retry-standard-mode.json";
import { describe, expect, it } from "vitest";
import { classifyError } from "./classifyError";
import { STANDARD_2026, STANDARD_LEGACY, StandardRetryStrategy } from "./StandardRetryStrategy";

interface SpecResponse {
  response: { status_code: number; error_code?: string };
  expected: { outcome: string; retry_quota: number; delay?: number };
}
interface SpecCase {
  name: string;
  given: { max_attempts?: number; initial_retry_tokens?: number; exponential_base: number };
  responses: SpecResponse[];
}

type TimingRow = [string, number, number | null, number];
const vectors = retryVectors as {
  spec_tests_retry_2026: { cases: SpecCase[] };
  token_timings_legacy_default: { cases: Record<string, TimingRow[]> };
  token_timings_2026: { cases: Record<string, TimingRow[]> };
  retry_after_examples: { "x-amz-retry-after": string; expected_delay_ms: number }[];
};

// The cross-SDK cases fix the jitter at 1, so a retry waits the whole backoff.
const fullJitter = () => 1;

function errorFor(response: SpecResponse["response"]) {
  return {
    name: response.error_code ?? "UnknownError",
    $metadata: { httpStatusCode: response.status_code },
  };
}

describe("standard retry strategy: the cross-SDK spec cases (2026 rules)", () => {
  for (const testCase of vectors.spec_tests_retry_2026.cases) {
    it(testCase.name, () => {
      // The spec's bucket starts at initial_retry_tokens but is still capped at 500 on refunds.
      const capped = new StandardRetryStrategy(STANDARD_2026, fullJitter);
      Object.assign(capped, { tokens: testCase.given.initial_retry_tokens ?? 500 });
      const maxAttempts = testCase.given.max_attempts ?? 3;
      let attempt = 1;
      let lastCost: number | undefined;
      for (const { response, expected } of testCase.responses) {
        if (response.status_code < 300) {
          capped.recordSuccess(lastCost);
          expect(expected.outcome).toBe("success");
          attempt = 1;
          lastCost = undefined;
        } else {
          const decision = capped.decide(classifyError(errorFor(response)), attempt, maxAttempts);
          if (decision.retry) {
            expect(expected.outcome).toBe("retry_request");
            expect(decision.delayMs / 1000).toBe(expected.delay);
            lastCost = decision.cost;
            attempt++;
          } else {
            const outcome = {
              "max-attempts": "max_attempts_exceeded",
              quota: "retry_quota_exceeded",
            }[decision.reason as "max-attempts" | "quota"];
            expect(outcome).toBe(expected.outcome);
          }
        }
        expect(capped.capacity).toBe(expected.retry_quota);
      }
    });
  }
});

describe.each([
  ["legacy standard mode", vectors.token_timings_legacy_default.cases, STANDARD_LEGACY],
  ["2026 standard mode", vectors.token_timings_2026.cases, STANDARD_2026],
])("token timings: %s", (_label, cases, profile) => {
  for (const [name, rows] of Object.entries(cases)) {
    it(name, () => {
      const strategy = new StandardRetryStrategy(profile, fullJitter);
      // Row 0 is the initial token; each later row is the retry that its error type triggers.
      for (const [errorType, retryCount, cost, delay] of rows.slice(1)) {
        const decision = strategy.decide(errorType as "THROTTLING" | "TRANSIENT", retryCount, 100);
        expect(decision).toEqual({ retry: true, cost, delayMs: expect.any(Number) });
        if (decision.retry) expect(decision.delayMs).toBe(delay);
      }
    });
  }
});

describe("standard retry strategy", () => {
  it("draws the jitter between 0 and the backoff", () => {
    const strategy = new StandardRetryStrategy(STANDARD_2026, () => 0.5);
    const decision = strategy.decide("TRANSIENT", 2, 3);
    expect(decision).toEqual({ retry: true, cost: 14, delayMs: 50 });
  });

  it("never retries a client error or a server error outside the transient statuses", () => {
    const strategy = new StandardRetryStrategy();
    expect(strategy.decide("CLIENT_ERROR", 1, 3)).toEqual({
      retry: false,
      reason: "not-retryable",
    });
    expect(strategy.decide("SERVER_ERROR", 1, 3)).toEqual({
      retry: false,
      reason: "not-retryable",
    });
    expect(strategy.capacity).toBe(500);
  });

  it("lengthens the delay to a Retry-After hint, by at most 5 s over the backoff", () => {
    for (const example of vectors.retry_after_examples as {
      "x-amz-retry-after": string;
      expected_delay_ms: number;
    }[]) {
      const strategy = new StandardRetryStrategy(STANDARD_2026, fullJitter);
      const hint = /^\d+$/.test(example["x-amz-retry-after"])
        ? Number(example["x-amz-retry-after"])
        : undefined;
      const decision = strategy.decide("TRANSIENT", 1, 3, hint);
      expect(decision.retry && decision.delayMs).toBe(example.expected_delay_ms);
    }
    const strategy = new StandardRetryStrategy(STANDARD_2026, fullJitter);
    const decision = strategy.decide("TRANSIENT", 1, 3, 60_000);
    expect(decision.retry && decision.delayMs).toBe(50 + 5000);
  });
});
