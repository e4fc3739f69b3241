import type { FieldRule } from "../protocol/fields";
import { checkField } from "../validate/validateFields";

/** Checks each header-bound field of `input` against its rule (throws `ValidationError`). */
export function validateHeaderFields(
  operation: string,
  input: object,
  bindings: Readonly<Record<string, string>>,
  rules: Readonly<Record<string, FieldRule>>,
): void {
  for (const field of Object.keys(bindings)) {
    checkField(
      operation,
      field,
      (input as Record<string, unknown>)[field],
      rules[field] as FieldRule,
    );
  }
}

/** The headers that carry `input`'s header-bound fields (given ones only, values as strings). */
export function toHeaders(
  input: object,
  bindings: Readonly<Record<string, string>>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [field, header] of Object.entries(bindings)) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined && value !== null) headers[header] = String(value);
  }
  return headers;
}

/** Reads the header-bound fields of an output; absent headers give no field. */
export function fromHeaders<F extends string>(
  headers: Headers,
  bindings: Readonly<Record<F, string>>,
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const field of Object.keys(bindings) as F[]) {
    const value = headers.get(bindings[field]);
    if (value !== null) out[field] = value;
  }
  return out;
}
