import { ValidationError } from "../errors/modeledErrors";
import type { FieldRule } from "../protocol/fields";

// Visible US-ASCII, space and tab: what RFC 7230 lets a header field value hold, minus
// obs-text (which fetch would mangle). This also keeps out CR, LF and NUL (header injection).
const HEADER_VALUE = /^[\x20-\x7e\t]*$/;

/** Throws the client-side `ValidationError` that names the field and the rule it broke. */
export function invalid(operation: string, field: string, rule: string, detail: string): never {
  throw new ValidationError({
    message: `${operation}: ${field} ${detail}.`,
    $metadata: { attempts: 0, totalRetryDelay: 0 },
    field,
    rule,
  });
}

/** Checks one optional string field against the service's constraints. */
export function checkField(
  operation: string,
  field: string,
  value: unknown,
  rule: FieldRule,
  required = false,
): void {
  if (value === undefined || value === null) {
    if (required) invalid(operation, field, "required", "is required");
    return;
  }
  if (typeof value !== "string") {
    invalid(operation, field, "type", `must be a string, got ${typeof value}`);
  }
  if (value.length > rule.max) {
    invalid(
      operation,
      field,
      "maxLength",
      `must be at most ${rule.max} characters, got ${value.length}`,
    );
  }
  if (rule.min !== undefined && value.length < rule.min) {
    invalid(operation, field, "minLength", `must be at least ${rule.min} character(s)`);
  }
  if (!HEADER_VALUE.test(value)) {
    invalid(
      operation,
      field,
      "ascii",
      "must be printable US-ASCII (no CR, LF, NUL or other control or non-ASCII characters)",
    );
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    // The value is never echoed: some fields are sensitive, and the caller has it anyway.
    invalid(operation, field, "pattern", `must match ${rule.pattern.source}`);
  }
}

/** Checks an optional integer field against an inclusive range. */
export function checkInteger(
  operation: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    invalid(operation, field, "type", "must be an integer");
  }
  if (value < min || value > max) {
    invalid(operation, field, "range", `must be between ${min} and ${max}, got ${value}`);
  }
}
