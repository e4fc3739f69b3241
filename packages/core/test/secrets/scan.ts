// Looks for sensitive values in what a user can see of an error or a log line: its message,
// `toString()`, `JSON.stringify`, stack, every own string field (deeply), and its `cause` chain.

/** Everything readable of a value as text, pieces labelled by where they were found. */
export function textsOf(value: unknown, where = "value", depth = 0): [string, string][] {
  if (value === null || value === undefined) return [];
  if (typeof value === "string") return [[where, value]];
  if (typeof value !== "object" && typeof value !== "function") return [[where, String(value)]];
  if (depth > 6) return [];
  const out: [string, string][] = [];
  const push = (label: string, read: () => unknown) => {
    try {
      const text = read();
      if (typeof text === "string") out.push([`${where}.${label}`, text]);
    } catch {
      // A getter or toString that throws shows nothing.
    }
  };
  if (value instanceof Error) {
    push("message", () => value.message);
    push("toString()", () => value.toString());
    push("stack", () => value.stack);
    push("String()", () => String(value));
  }
  push("JSON", () => JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return out;
  if (typeof Response !== "undefined" && value instanceof Response) return out;
  for (const key of Object.keys(value)) {
    out.push(...textsOf((value as Record<string, unknown>)[key], `${where}.${key}`, depth + 1));
  }
  const cause = (value as { cause?: unknown }).cause;
  if (cause !== undefined) out.push(...textsOf(cause, `${where}.cause`, depth + 1));
  return out;
}

/** Where each secret shows in `value`: `["error.message: <name>", ...]`, empty when nowhere. */
export function leaks(
  value: unknown,
  secrets: ReadonlyMap<string, string>,
  where = "value",
): string[] {
  const found: string[] = [];
  for (const [label, text] of textsOf(value, where)) {
    for (const [secret, name] of secrets) {
      if (text.includes(secret)) found.push(`${label}: ${name}`);
    }
  }
  return [...new Set(found)];
}

// A bearer token is recognizable by itself, wherever it came from: its prefix and Base64 body,
// or, decoded, the presigned URL's signature (either is enough to call the endpoint).
const BEARER_TOKEN = /sagemaker-api-key-[A-Za-z0-9+/]{16}|X-Amz-Signature=[0-9a-f]{64}/;

/** Where a SageMaker bearer token (or its decoded presigned URL) shows in `value`. */
export function bearerTokenLeaks(value: unknown, where = "value"): string[] {
  const found = textsOf(value, where)
    .filter(([, text]) => BEARER_TOKEN.test(text))
    .map(([label]) => `${label}: bearerToken`);
  return [...new Set(found)];
}
