import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { PieceFormat } from "./readPieces";
import { createStreamStore, type StreamSnapshot, type StreamStore } from "./StreamStore";

/** Options of the streaming hooks. */
export interface StreamOptions {
  /**
   * How the parts are read: `"tokens"` (TGI/LMI/vLLM events), `"text"` (raw text), `"auto"`
   * (tokens for `text/event-stream` and JSON Lines answers, text otherwise), or your reader.
   * @default "auto"
   * @example format: "tokens"
   */
  format?: PieceFormat;
  /**
   * Least time between two renders while streaming. Renders happen on animation frames, so
   * 0 means every frame; the default renders every other frame on a 60 Hz display (≤ 50 a
   * second on any), however fast tokens arrive. The end of a stream renders at once.
   * @default 20
   */
  throttleMs?: number;
}

/** The shared base of the streaming hooks: a store, its snapshot, aborted on unmount. */
export function useStream(options: StreamOptions): [StreamStore, StreamSnapshot] {
  const [store] = useState(createStreamStore);
  store.throttleMs = options.throttleMs ?? 20;
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useUnmount(store.abort);
  return [store, snapshot];
}

/**
 * Calls `mount` when the component mounts and `unmount` once it has unmounted. Deferred:
 * StrictMode's rehearsal unmount is followed at once by a mount, which cancels it (so a stream
 * or a call started from a mount effect survives the rehearsal).
 */
export function useUnmount(unmount: () => void, mount?: () => void): void {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    mount?.();
    return () => {
      mounted.current = false;
      setTimeout(() => mounted.current || unmount());
    };
  }, [unmount, mount]);
}
