import { useEffect, useState, useSyncExternalStore } from "react";
import { createSessionKeeper } from "./internal/SessionKeeper";
import { useCalls } from "./internal/useCalls";
import { useStream, useUnmount } from "./internal/useStream";
import type {
  OpenedSessionView,
  OpenSession,
  SessionCalls,
  SessionFields,
  SessionView,
  StatefulSessionOptions,
} from "./sessionTypes";
import type { StreamOptions, StreamSnapshot } from "./streamTypes";
import type { SageMakerError } from "./types";
import { useSageMakerClient } from "./useSageMakerClient";

/**
 * The session's shared fields (`ContentType`, `TargetVariant`, `InferenceComponentName`,
 * `openBody`, `closeBody`, ...), the session's own options, and the stream options.
 */
export interface UseStatefulSessionOptions<TData = unknown>
  extends StatefulSessionOptions<TData>,
    StreamOptions {}

interface SessionResultBase<TData> extends StreamSnapshot {
  /** True from `warnBeforeMs` before `expiresAt` until the session ends. */
  expiresSoon: boolean;
  /**
   * The last error opening or closing the session (`close()`, `reopen()`, `closeOnUnmount`);
   * a session opened clears it. (Call errors: see `error`, `invoke`.)
   */
  sessionError: SageMakerError | null;
  /**
   * Opens a session (`SessionId: NEW_SESSION`), or resolves with the one open (or opening);
   * `session` is `{ id: undefined, expiresAt: undefined, state: "opening" }` meanwhile. `fields`
   * override the hook's (e.g. `TargetVariant`, `openBody`). The handle's `state` and
   * `expiresAt` follow the session. Unmounting (or `abort()`) aborts an open under way.
   */
  open(fields?: Partial<SessionFields>): Promise<OpenSession<TData>>;
  /**
   * Closes the session (if open) and opens a new one: after expiry, or to start over. A new
   * one is opened even if closing the old one fails (that error shows in `sessionError`).
   */
  reopen(fields?: Partial<SessionFields>): Promise<OpenSession<TData>>;
  /** Aborts the session's running calls and stream, and an open under way. Unmounting does it too. */
  abort(): void;
  /** Stops the stream and empties `text` and `parts`. */
  reset(): void;
}

/** The session is open: its calls are there. */
export interface OpenSessionResult<TData = unknown>
  extends SessionResultBase<TData>,
    SessionCalls<TData> {
  isOpen: true;
  session: OpenedSessionView & { state: "open" };
}

/** No session yet, or one that is opening, closing, closed or expired: no calls. */
export interface NotOpenSessionResult<TData = unknown> extends SessionResultBase<TData> {
  isOpen: false;
  /** `undefined` before the first `open()`; `{ id: undefined, state: "opening" }` while opening. */
  session: SessionView | undefined;
  invoke?: undefined;
  stream?: undefined;
  close?: undefined;
}

/** Narrow on `isOpen` to reach `invoke`, `stream` and `close`. */
export type UseStatefulSessionResult<TData = unknown> =
  | OpenSessionResult<TData>
  | NotOpenSessionResult<TData>;

/**
 * A stateful session (SageMaker's `NEW_SESSION` convention): open, invoke and stream within
 * it, one call at a time and in order, close. Tracks expiry (`expiresSoon`, then state
 * `expired`), and can keep the id across reloads and close on unmount.
 * @example
 * const chat = useStatefulSession({ endpointName: "chat", ContentType: "application/json", persist: true });
 * if (chat.isOpen) chat.stream({ Body: JSON.stringify({ inputs: prompt }) });
 */
export function useStatefulSession<TData = unknown>(
  options: UseStatefulSessionOptions<TData>,
): UseStatefulSessionResult<TData> {
  const client = useSageMakerClient();
  const calls = useCalls();
  // The store reads the stream options, and nothing else, from the hook's; the keeper gets
  // the session's own (they become the calls' fields: no stream option may be among them).
  const [streams, stream] = useStream(options);
  const { format, throttleMs, onToken, onFinish, onError, ...own } = options;
  const keeperOptions = { ...own, client };
  const [keeper] = useState(() => createSessionKeeper<TData>(calls, streams, keeperOptions));
  // The latest render's options and client, given after the render (as TanStack Query's
  // useBaseQuery gives its observer), before the mount effect below reads them.
  useEffect(() => keeper.setOptions(keeperOptions));
  const { session, handle, expiresSoon, error } = useSyncExternalStore(
    keeper.subscribe,
    keeper.getSnapshot,
    keeper.getSnapshot,
  );
  useUnmount(keeper.dispose, keeper.mount);
  const base: SessionResultBase<TData> = {
    ...stream,
    expiresSoon,
    sessionError: error,
    open: keeper.open,
    reopen: keeper.reopen,
    abort: () => {
      calls.abort();
      streams.abort();
    },
    reset: streams.reset,
  };
  if (session?.state === "open" && handle?.id === session.id) {
    const { invoke, stream: streamIn, close } = handle;
    return {
      ...base,
      isOpen: true,
      session: session as OpenSessionResult<TData>["session"],
      invoke,
      stream: streamIn,
      close,
    };
  }
  return { ...base, isOpen: false, session };
}
