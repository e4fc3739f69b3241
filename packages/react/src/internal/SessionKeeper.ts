import {
  AbortError,
  type InvokeEndpointCommandOutput,
  type SageMakerRuntimeClient,
  Session,
  type SessionInfo,
  type SessionOptions,
} from "@sagefetch/core";
import { decodeBody } from "../decodeBody";
import type {
  OpenedSessionView,
  OpeningSessionView,
  OpenSession,
  SessionFields,
  SessionView,
  StatefulSessionOptions,
} from "../sessionTypes";
import type { StreamResult } from "../streamTypes";
import type { Decoder, SageMakerError } from "../types";
import type { StreamStore } from "./StreamStore";
import { sessionStorageSlot } from "./sessionStorageSlot";
import type { Calls } from "./useCalls";

/** The keeper's options: the session's own, and the client it sends with. */
export interface KeeperOptions<TData> extends StatefulSessionOptions<TData> {
  client: SageMakerRuntimeClient;
}

export interface KeeperSnapshot<TData> {
  session?: SessionView | undefined;
  handle?: OpenSession<TData>;
  expiresSoon: boolean;
  error: SageMakerError | null;
}

/** The session of a `useStatefulSession`, outside React. */
export interface SessionKeeper<TData> {
  /** Takes the options read from then on (the hook's, after each render). */
  setOptions(options: KeeperOptions<TData>): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): KeeperSnapshot<TData>;
  /** Opens a session, or gives the one open (or opening): use `reopen` for a new one. */
  open(fields?: Partial<SessionFields>): Promise<OpenSession<TData>>;
  /**
   * Closes the session if open and opens a new one, even if the close fails (the old one stays
   * current until the new one is open).
   */
  reopen(fields?: Partial<SessionFields>): Promise<OpenSession<TData>>;
  /** On mount: takes up the session kept in `sessionStorage`, if it has not expired. */
  mount(): void;
  /** Once unmounted: timers off, and the session closed (and its kept id removed) if asked. */
  dispose(): void;
}

const opening: OpeningSessionView = { id: undefined, expiresAt: undefined, state: "opening" };
const ignore = () => {};

/**
 * Opens (one open at a time), resumes a kept id, tracks state and expiry with timers, keeps
 * the id in `sessionStorage` when asked. (Closures rather than a class: smaller once minified.)
 */
export function createSessionKeeper<TData>(
  calls: Calls,
  streams: StreamStore,
  initial: KeeperOptions<TData>,
): SessionKeeper<TData> {
  let options = initial;
  const listeners = new Set<() => void>();
  let snapshot: KeeperSnapshot<TData> = { expiresSoon: false, error: null };
  let current: Session | undefined;
  let pending: Promise<OpenSession<TData>> | undefined;
  let lastOpen: Partial<SessionFields> | undefined;
  let unsubscribe: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = (change: Partial<KeeperSnapshot<TData>>) => {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  };
  const stop = () => {
    unsubscribe?.();
    clearTimeout(timer);
  };
  const stateOf = (session: Session) =>
    (session.isExpired() ? "expired" : session.state) as OpenedSessionView["state"];
  const isOpen = () => current && stateOf(current) === "open";
  const storageKey = () => {
    const { persist, endpointName } = options;
    return persist === true ? `sagefetch:session:${endpointName}` : persist;
  };
  /** Writes (or, with no info, removes) the kept id, when `persist` asks for it. */
  const keep = (info?: SessionInfo) => {
    const key = storageKey();
    if (key) sessionStorageSlot.write(key, info);
  };
  /** Shows an open's or a close's failure in `sessionError`; the promise still rejects. */
  const track = <T>(promise: Promise<T>) =>
    promise.catch((error) => {
      publish({ error });
      throw error;
    });
  const close = (session: Session) => track(session.close());
  const sessionOptions = (fields: Partial<SessionFields> | undefined): SessionOptions => {
    const {
      endpointName,
      client: _client,
      decode: _d,
      persist: _p,
      closeOnUnmount: _c,
      warnBeforeMs: _w,
      onExpiresSoon: _o,
      ...shared
    } = options;
    return { ...shared, ...fields, EndpointName: endpointName };
  };

  /**
   * Reads the session's state (and the clock) into the snapshot, and sets a timer for the next
   * change the clock brings: the warning, then the expiry. A timer that fires early (timers
   * overflow past 24.8 days; clocks move) just sets the next one.
   */
  const sync = () => {
    clearTimeout(timer);
    if (!current) return publish({ session: undefined });
    const state = stateOf(current);
    const { expiresAt } = current;
    const view: OpenedSessionView = { id: current.id as string, expiresAt, state };
    const now = Date.now();
    const end = expiresAt?.getTime() ?? Infinity;
    const warnAt = end - (options.warnBeforeMs ?? 60_000);
    const expiresSoon = state === "open" && now >= warnAt;
    keep(state === "open" || state === "closing" ? { id: view.id, expiresAt } : undefined);
    const warn = expiresSoon && !snapshot.expiresSoon;
    publish({ session: view, expiresSoon });
    if (warn) options.onExpiresSoon?.(view);
    const next = now < warnAt ? warnAt : end;
    if (state === "open" && next < Infinity)
      timer = setTimeout(sync, Math.min(next - now, 2 ** 31 - 1));
  };

  const attach = (session: Session) => {
    stop();
    current = session;
    unsubscribe = session.subscribe(sync);
    // When the session's calls so far are done: the next one is sent then (one at a time).
    let done: Promise<unknown> = Promise.resolve();
    const handle: OpenSession<TData> = {
      id: session.id as string,
      get expiresAt() {
        return session.expiresAt;
      },
      get state() {
        return stateOf(session);
      },
      async invoke(input) {
        done = session.invoke(input, { abortSignal: calls.signal() });
        const output = (await done) as InvokeEndpointCommandOutput;
        const decode = options.decode ?? (decodeBody as Decoder<TData>);
        return {
          data: await decode(output, { ...input, EndpointName: options.endpointName }),
          output,
        };
      },
      stream(input) {
        const before = done;
        // Resolves once the stream has ended, when the session sends its next call.
        done = streams.run((signal, sent) => {
          before.then(sent, sent);
          return session.stream(input, { abortSignal: signal });
        });
        return done as Promise<StreamResult>;
      },
      close: () => close(session),
    };
    snapshot = { ...snapshot, handle, expiresSoon: false, error: null };
    sync();
  };

  const openNew = async (fields: Partial<SessionFields> | undefined) => {
    lastOpen = fields;
    publish({ session: opening });
    // Fired by `abort()` and by unmounting (before `dispose`).
    const signal = calls.signal();
    const session = await track(
      Session.open(options.client, sessionOptions(fields), { abortSignal: signal }),
    );
    // Aborted once the answer was on its way: never attached.
    if (signal.aborted) {
      if (options.closeOnUnmount) close(session).catch(ignore);
      throw new AbortError({ message: "Opening the session was aborted." });
    }
    attach(session);
    return snapshot.handle as OpenSession<TData>;
  };

  /** Opens a new session, unless one is opening already. */
  const start = (fields: Partial<SessionFields> | undefined) =>
    (pending ??= openNew(fields).finally(() => {
      pending = undefined;
      // Out of `opening`: to the new session, or back to the one before (if any).
      sync();
    }));

  const keeper: SessionKeeper<TData> = {
    setOptions(next) {
      options = next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    open: async (fields) => (isOpen() ? (snapshot.handle as OpenSession<TData>) : start(fields)),
    async reopen(fields) {
      if (isOpen()) await close(current as Session).catch(ignore);
      // A new one even if the old one would not close (it stays until the new one is open).
      return start(fields ?? lastOpen);
    },
    mount() {
      const key = storageKey();
      const info = key && !current && !pending ? sessionStorageSlot.read(key) : undefined;
      if (!info) return;
      const session = Session.resume(options.client, sessionOptions(lastOpen), info);
      if (session.isExpired()) keep();
      else attach(session);
    },
    dispose() {
      stop();
      if (options.closeOnUnmount && isOpen()) {
        // Closed on purpose: the next mount must not take it up.
        keep();
        close(current as Session).catch(ignore);
      }
    },
  };
  return keeper;
}
