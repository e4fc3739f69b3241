import { describe, expect, it } from "vitest";
import { ValidationError } from "./modeledErrors";
import { redactEchoes } from "./redactEchoes";

describe("redactEchoes", () => {
  it("replaces sent values in the message, other string fields and the stack", () => {
    const token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";
    const error = new ValidationError({
      message: `Canonical String: x-amz-security-token:${token}\\nx-amzn-sagemaker-custom-attributes:tenant=42`,
      $metadata: {},
    });
    Object.assign(error, { OriginalMessage: `echo ${token}` });
    redactEchoes(error, [token, "tenant=42"]);
    expect(error.message).toBe(
      "Canonical String: x-amz-security-token:[redacted]\\nx-amzn-sagemaker-custom-attributes:[redacted]",
    );
    expect((error as unknown as { OriginalMessage: string }).OriginalMessage).toBe(
      "echo [redacted]",
    );
    expect(String(error.stack)).not.toContain(token);
    expect(String(error)).not.toContain("tenant=42");
  });

  it("leaves the error alone when nothing sent is quoted, or the values are too short to tell", () => {
    const error = new ValidationError({
      message: "Endpoint x of account 1 not found.",
      $metadata: {},
    });
    redactEchoes(error, [undefined, "abc", "zzzzzzzz"]);
    expect(error.message).toBe("Endpoint x of account 1 not found.");
  });
});

// Issue: signature errors quote header values in SigV4's canonical form (trimmed, whitespace
// runs folded), which the raw value did not match.
describe("redactEchoes: the canonical form of a value", () => {
  it.each([
    ["a double space", "tenant=42  user=7"],
    ["a tab", "tenant=42\tuser=7"],
    ["leading and trailing spaces", "  tenant=42;user=7 "],
  ])("redacts the value with %s as the service quotes it", (_name, sent) => {
    const canonical = sent.trim().replace(/\s+/g, " ");
    const error = new ValidationError({
      message: `x-amzn-sagemaker-custom-attributes:${canonical}\nsigned headers`,
      $metadata: {},
    });
    redactEchoes(error, [sent]);
    expect(error.message).toBe("x-amzn-sagemaker-custom-attributes:[redacted]\nsigned headers");
  });
});
