import type { ModelSession } from "../modelTypes";

/** Default lifetime of a stateful session: 20 minutes, as in AWS's reference container. */
export const DEFAULT_SESSION_TTL_SECONDS = 1200;

/**
 * The stateful sessions the mock keeps for endpoints with `sessions` enabled, per endpoint.
 * Expiry is checked against the mock's clock (`now`), so moving the clock expires a session.
 */
export class SessionStore {
  #sessions = new Map<string, ModelSession>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Opens a session that expires `ttlSeconds` from now (whole seconds, as its header says). */
  open(endpointName: string, ttlSeconds: number): ModelSession {
    const expires = Math.floor((this.#now() + ttlSeconds * 1000) / 1000) * 1000;
    const session: ModelSession = {
      id: crypto.randomUUID(),
      expiresAt: new Date(expires),
      state: {},
    };
    this.#sessions.set(key(endpointName, session.id), session);
    return session;
  }

  /** The open session, or undefined when it is unknown, closed or expired (then forgotten). */
  get(endpointName: string, id: string): ModelSession | undefined {
    const session = this.#sessions.get(key(endpointName, id));
    if (session === undefined) return undefined;
    if (this.#now() > session.expiresAt.getTime()) {
      this.#sessions.delete(key(endpointName, id));
      return undefined;
    }
    return session;
  }

  /** Closes an open session; false when there was none. */
  close(endpointName: string, id: string): boolean {
    return this.get(endpointName, id) !== undefined && this.#sessions.delete(key(endpointName, id));
  }

  /** Sessions held, expired ones not yet noticed included. */
  get size(): number {
    return this.#sessions.size;
  }

  clear(): void {
    this.#sessions.clear();
  }
}

function key(endpointName: string, id: string): string {
  return `${endpointName}\n${id}`;
}

/** `2026-11-24T12:20:00Z`: the `Expires=` form of `X-Amzn-SageMaker-New-Session-Id`. */
export function sessionExpiry(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
