import { FIELD_RULES, type FieldRule } from "../validate/rules";
import { checkField } from "../validate/validateFields";

/** Validates each header-bound field of `input` and returns the headers to send. */
export function headerBindings<F extends string>(
  operation: string,
  input: object,
  bindings: Readonly<Record<F, string>>,
  rules: Readonly<Record<string, FieldRule>> = FIELD_RULES,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const field of Object.keys(bindings) as F[]) {
    const value = (input as Record<string, unknown>)[field];
    checkField(operation, field, value, rules[field] as FieldRule);
    if (value !== undefined && value !== null) headers[bindings[field]] = value as string;
  }
  return headers;
}

/** Reads the header-bound fields of an output; absent headers give no field. */
export function readHeaders<F extends string>(
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
