/** An identity of an identity pool, as the mock keeps it. */
export interface CognitoIdentity {
  /** `{region}:{uuid}`, the region being the pool's. */
  identityId: string;
  identityPoolId: string;
  /** The logins linked to it: subject by provider name. Empty for a guest. */
  logins: Record<string, string>;
  /** The mock's clock when GetId made it, epoch ms. */
  createdAt: number;
}

const loginKey = (poolId: string, provider: string, subject: string) =>
  JSON.stringify([poolId, provider, subject]);

/**
 * The identities made so far. A login (pool, provider, subject) belongs to one identity, so
 * GetId answers the same id for the same user; every guest GetId makes a new identity.
 */
export class IdentityStore {
  readonly #byId = new Map<string, CognitoIdentity>();
  readonly #byLogin = new Map<string, string>();

  get(identityId: string): CognitoIdentity | undefined {
    return this.#byId.get(identityId);
  }

  /** Every identity, oldest first, or those of one pool. */
  list(identityPoolId?: string): CognitoIdentity[] {
    const all = [...this.#byId.values()];
    return identityPoolId === undefined
      ? all
      : all.filter((identity) => identity.identityPoolId === identityPoolId);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** The identity a login is linked to. */
  findByLogin(poolId: string, provider: string, subject: string): CognitoIdentity | undefined {
    const id = this.#byLogin.get(loginKey(poolId, provider, subject));
    return id === undefined ? undefined : this.#byId.get(id);
  }

  /** A new identity of the pool, in the pool's region. */
  create(identityPoolId: string, now: number): CognitoIdentity {
    const region = identityPoolId.slice(0, identityPoolId.indexOf(":"));
    const identity: CognitoIdentity = {
      identityId: `${region}:${crypto.randomUUID()}`,
      identityPoolId,
      logins: {},
      createdAt: now,
    };
    this.#byId.set(identity.identityId, identity);
    return identity;
  }

  /** Links a login to an identity (the identity becomes authenticated). */
  link(identity: CognitoIdentity, provider: string, subject: string): void {
    identity.logins[provider] = subject;
    this.#byLogin.set(loginKey(identity.identityPoolId, provider, subject), identity.identityId);
  }

  /** Deletes an identity, as the console's identity browser does: its id is then not found. */
  delete(identityId: string): boolean {
    const identity = this.#byId.get(identityId);
    if (identity === undefined) return false;
    for (const [provider, subject] of Object.entries(identity.logins)) {
      this.#byLogin.delete(loginKey(identity.identityPoolId, provider, subject));
    }
    return this.#byId.delete(identityId);
  }

  clear(): void {
    this.#byId.clear();
    this.#byLogin.clear();
  }
}
