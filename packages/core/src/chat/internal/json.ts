/** A JSON object's fields, for reading shapes that vary by container. */
export type Json = Record<string, unknown>;

export const object = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" ? (value as Json) : undefined;
export const string = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;
export const number = (value: unknown): number | undefined =>
  typeof value === "number" ? value : undefined;
