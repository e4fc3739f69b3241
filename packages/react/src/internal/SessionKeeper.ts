import {
  type InvokeEndpointCommandInput,
  type InvokeEndpointWithResponseStreamCommandInput,
  type SageMakerRuntimeClient,
  Session,
  type SessionOptions,
  type SessionState,
} from "@sagefetch/core";
import { decodeBody } from "../decodeBody";
import type { Decoder, InvokeResult, SageMakerError } from "../types";
import type { UseStatefulSessionOptions } from "../useStatefulSession";
import type { StreamStore } from "./StreamStore";
import { sessionStorageSlot } from "./sessionStorageSlot";
import type { Calls } from "./useCalls";

/** The fields a session's calls share (routing, content type) and how it opens and closes. */
export type SessionFields = Omit<SessionOptions, "EndpointName">;
export type SessionCallInput = Omit<InvokeEndpointCommandInput, "EndpointName" | "SessionId">;
export type SessionStreamInput = Omit<
  InvokeEndpointWithResponseStreamCommandInput,
  "EndpointName" | "SessionId"
>;

/** A session as the UI shows it. `state` turns `expired` when `expiresAt` passes. */
export interface SessionView {
  readonly id: string;
  readonly expiresAt: Date | undefined;
  readonly state: SessionState;
}

/** The calls of one open session, sent one at a time, in order. */
export interface SessionCalls<TData> {
  /** InvokeEndpoint within the session. Rejects on error (`SessionExpiredError` once gone). */
  invoke(input: SessionCallInput): Promise<InvokeResult<TData>>;
  /** Streams within the session into the hook's `text`/`parts`/`status`; never rejects. */
  stream(input: SessionStreamInput): Promise<void>;
  /** Closes the session (`{"requestType":"CLOSE"}`). */
  close(): Promise<void>;
}

export type OpenSession<TData> = SessionView & SessionCalls<TData>;

export interface KeeperSnapshot<TData> {
  session: SessionView | undefined;
  handle: OpenSession<TData> | undefined;
  expiresSoon: boolean;
  error: SageMakerError | null;
}

/** The session of a `useStatefulSession`, outside React. */
export interface SessionKeeper<TData> {
  /** The latest render's options and client, read when used. */
  options: UseStatefulSessionOptions<TData>;
  client: SageMakerRuntimeClient;
  mounted: boolean;
  subscribe(listener: () => void): () => void;
  getSnapshot(): KeeperSnapshot<TData>;
  /** Opens a session, or gives the one open (or opening): use `reopen` for a new one. */
  open(fields?: Partial<SessionFields>): Promise<OpenSession<TData>>;
  /** Closes the session if open (its failure aside) and opens a new one. */
  reopen(fields?: Partial<SessionFields>): Promise<OpenSession<TData>>;
  /** Takes up the session kept in `sessionStorage`, if it has not expired. */
  resume(): void;
  /** After unmounting: timers off, and the session closed if asked. */
  dispose(): void;
}

/**
 * Opens (one open at a time), resumes a kept id, tracks state and expiry with timers, keeps
 * the id in `sessionStorage` when asked. (Closures rather than a class: smaller once minified.)
 */
export function createSessionKeeper<TData>(
  calls: Calls,
  streams: StreamStore,
): SessionKeeper<TData> {
  const listeners = new Set<() => void>();
  let snapshot: KeeperSnapshot<TData> = {
    session: undefined,
    handle: undefined,
    expiresSoon: false,
    error: null,
  };
  let current: Session | undefined;
  let opening: Promise<OpenSession<TData>> | undefined;
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
  const isOpen = () => current?.state === "open" && !current.isExpired();
  const warnBeforeMs = () => keeper.options.warnBeforeMs ?? 60_000;
  const storageKey = () => {
    const { persist, endpointName } = keeper.options;
    return persist ? (persist === true ? `sagefetch:session:${endpointName}` : persist) : undefined;
  };
  const sessionOptions = (fields: Partial<SessionFields> | undefined): SessionOptions => {
    const {
      endpointName,
      decode: _d,
      persist: _p,
      closeOnUnmount: _c,
      warnBeforeMs: _w,
      onExpiresSoon: _o,
      format: _f,
      throttleMs: _t,
      ...shared
    } = keeper.options;
    return { ...shared, ...fields, EndpointName: endpointName };
  };

  /**
   * Reads the session's state (and the clock) into the snapshot, and sets a timer for the next
   * change the clock brings: the warning, then the expiry. A timer that fires early (timers
   * overflow past 24.8 days; clocks move) just sets the next one.
   */
  const sync = () => {
    if (!current) return;
    clearTimeout(timer);
    const state: SessionState = current.isExpired() ? "expired" : current.state;
    const { expiresAt } = current;
    const view: SessionView = { id: current.id as string, expiresAt, state };
    const now = Date.now();
    const end = expiresAt?.getTime() ?? Infinity;
    const warnAt = end - warnBeforeMs();
    const expiresSoon = state === "open" && now >= warnAt;
    const key = storageKey();
    const alive = state === "open" || state === "closing";
    if (key) sessionStorageSlot.write(key, alive ? { id: view.id, expiresAt } : undefined);
    const warn = expiresSoon && !snapshot.expiresSoon;
    publish({ session: view, expiresSoon });
    if (warn) keeper.options.onExpiresSoon?.(view);
    const next = now < warnAt ? warnAt : end;
    if (state === "open" && next < Infinity)
      timer = setTimeout(sync, Math.min(next - now, 2 ** 31 - 1));
  };

  const attach = (session: Session) => {
    stop();
    current = session;
    unsubscribe = session.subscribe(sync);
    const handle: OpenSession<TData> = {
      id: session.id as string,
      expiresAt: session.expiresAt,
      state: "open",
      invoke: (input) =>
        calls.run(async (signal) => {
          const output = await session.invoke(input, { abortSignal: signal });
          const decode = keeper.options.decode ?? (decodeBody as Decoder<TData>);
          return {
            data: await decode(output, { ...input, EndpointName: keeper.options.endpointName }),
            output,
          };
        }),
      stream: (input) =>
        streams.run(
          (signal) => session.stream(input, { abortSignal: signal }),
          keeper.options.format ?? "auto",
        ),
      close: () => session.close(),
    };
    publish({ handle, expiresSoon: false });
    sync();
  };

  const openNew = async (fields: Partial<SessionFields> | undefined) => {
    lastOpen = fields;
    try {
      attach(await Session.open(keeper.client, sessionOptions(fields)));
      publish({ error: null });
      return snapshot.handle as OpenSession<TData>;
    } catch (error) {
      publish({ error: error as SageMakerError });
      throw error;
    }
  };

  const keeper: SessionKeeper<TData> = {
    options: undefined as never,
    client: undefined as never,
    mounted: false,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    open(fields) {
      if (snapshot.handle && isOpen()) {
        return Promise.resolve(snapshot.handle);
      }
      opening ??= openNew(fields).finally(() => {
        opening = undefined;
      });
      return opening;
    },
    async reopen(fields) {
      if (isOpen()) await current?.close().catch(() => {});
      return keeper.open(fields ?? lastOpen);
    },
    resume() {
      const key = storageKey();
      const info = key && !current && !opening ? sessionStorageSlot.read(key) : undefined;
      if (!info) return;
      if ((info.expiresAt?.getTime() ?? Infinity) <= Date.now())
        sessionStorageSlot.write(key as string, undefined);
      else attach(Session.resume(keeper.client, sessionOptions(lastOpen), info));
    },
    dispose() {
      stop();
      if (keeper.options.closeOnUnmount && isOpen()) current?.close().catch(() => {});
    },
  };
  return keeper;
}
