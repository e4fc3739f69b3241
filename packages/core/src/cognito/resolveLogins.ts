/** Tokens of the identity providers the user signed in with, by provider name. */
export type Logins = Record<string, string | (() => Promise<string>)>;

/** The logins option: a map of tokens (or functions giving them), or a function giving them all. */
export type LoginsOption = Logins | (() => Promise<Record<string, string>>);

/** The tokens to send now, each function called for a fresh one. */
export async function resolveLogins(
  logins: LoginsOption | undefined,
): Promise<Record<string, string> | undefined> {
  if (!logins) return undefined;
  if (typeof logins === "function") return logins();
  const entries = await Promise.all(
    Object.entries(logins).map(
      async ([name, token]) => [name, typeof token === "string" ? token : await token()] as const,
    ),
  );
  return Object.fromEntries(entries);
}
