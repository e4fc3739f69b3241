/** Where the identity id is kept across reloads: `localStorage`, or anything shaped like it. */
export interface IdentityIdStorage {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

const memory = new Map<string, string>();
const inMemory: IdentityIdStorage = {
  getItem: (key) => memory.get(key),
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

/** `localStorage` where the runtime has it (browsers), else memory. Looked up when used. */
export function defaultStorage(): IdentityIdStorage {
  try {
    const storage = (globalThis as { localStorage?: IdentityIdStorage }).localStorage;
    if (storage) return storage;
  } catch {
    // A sandboxed iframe throws on access: fall back to memory.
  }
  return inMemory;
}

/**
 * The key the AWS SDK's provider uses too. Where it keeps it differs: in browsers the AWS SDK
 * stores ids in IndexedDB (database `aws:cognito-identity-ids`) and falls back to
 * `localStorage` only without IndexedDB, so the two providers share an identity through
 * `localStorage` only there, or when given the same `cache`.
 */
export const identityIdKey = (identityPoolId: string, userIdentifier: string): string =>
  `aws:cognito-identity-credentials:${identityPoolId}:${userIdentifier}`;
