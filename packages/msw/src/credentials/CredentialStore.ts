import type { MockCredentials } from "../handlers/types";

/**
 * The credentials a mock accepts, by access key id. Live: the SageMaker handlers look a key up
 * here on every request, so credentials added later (by `cognitoIdentityHandlers`, or by a
 * test) sign from then on, and each is refused once its `expiration` has passed.
 */
export class CredentialStore implements Iterable<MockCredentials> {
  readonly #initial: readonly MockCredentials[];
  readonly #byKey = new Map<string, MockCredentials>();

  constructor(credentials: Iterable<MockCredentials> = []) {
    this.#initial = [...credentials];
    this.add(...this.#initial);
  }

  /** Accept these credentials (a credential with a known access key id replaces it). */
  add(...credentials: MockCredentials[]): this {
    for (const credential of credentials) this.#byKey.set(credential.accessKeyId, credential);
    return this;
  }

  get(accessKeyId: string): MockCredentials | undefined {
    return this.#byKey.get(accessKeyId);
  }

  has(accessKeyId: string): boolean {
    return this.#byKey.has(accessKeyId);
  }

  /** Stop accepting a key (its requests get UnrecognizedClientException). */
  delete(accessKeyId: string): boolean {
    return this.#byKey.delete(accessKeyId);
  }

  get size(): number {
    return this.#byKey.size;
  }

  /** Every credential accepted, in the order added. */
  values(): MockCredentials[] {
    return [...this.#byKey.values()];
  }

  [Symbol.iterator](): Iterator<MockCredentials> {
    return this.#byKey.values();
  }

  /** Back to the credentials the store was made with. */
  reset(): void {
    this.#byKey.clear();
    this.add(...this.#initial);
  }
}

/** A CredentialStore, recognised by shape (a copy of the package loaded twice still counts). */
export function isCredentialStore(value: unknown): value is CredentialStore {
  if (value instanceof CredentialStore) return true;
  const store = value as Partial<CredentialStore> | null;
  return (
    typeof store === "object" &&
    store !== null &&
    typeof store.add === "function" &&
    typeof store.get === "function" &&
    typeof store.delete === "function"
  );
}
