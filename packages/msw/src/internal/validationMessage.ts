/**
 * A constraint failure as SageMaker words it:
 * `Value 'x' at 'member' failed to satisfy constraint: Member must ...`.
 */
export function constraintFailure(value: string, member: string, must: string): string {
  return `Value '${value}' at '${member}' failed to satisfy constraint: Member must ${must}`;
}

/** `1 validation error detected: A` / `2 validation errors detected: A; B`. */
export function validationErrorsMessage(failures: readonly string[]): string {
  const noun = failures.length === 1 ? "error" : "errors";
  return `${failures.length} validation ${noun} detected: ${failures.join("; ")}`;
}

/** The failure for a string member out of pattern or over its length, if any. */
export function checkString(
  value: string | undefined,
  member: string,
  rule: { pattern?: RegExp; patternText?: string; min?: number; max?: number },
): string | undefined {
  if (value === undefined) return undefined;
  if (rule.min !== undefined && value.length < rule.min) {
    return constraintFailure(value, member, `have length greater than or equal to ${rule.min}`);
  }
  if (rule.max !== undefined && value.length > rule.max) {
    return constraintFailure(value, member, `have length less than or equal to ${rule.max}`);
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    const text = rule.patternText ?? rule.pattern.source;
    return constraintFailure(value, member, `satisfy regular expression pattern: ${text}`);
  }
  return undefined;
}

/** The failure for an integer header out of range (or not an integer), if any. */
export function checkInteger(
  value: string | undefined,
  member: string,
  min: number,
  max: number,
): string | undefined {
  if (value === undefined) return undefined;
  const n = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) return constraintFailure(value, member, "be an integer");
  if (n < min)
    return constraintFailure(value, member, `have value greater than or equal to ${min}`);
  if (n > max) return constraintFailure(value, member, `have value less than or equal to ${max}`);
  return undefined;
}
