import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { StreamOptions, StreamSnapshot } from "../streamTypes";
import { createStreamStore, type StreamStore } from "./StreamStore";

/**
 * The shared base of the streaming hooks: a store made with the first render's options, given
 * each later render's in an effect, its snapshot, and the stream aborted on unmount.
 */
export function useStream(options: StreamOptions): [StreamStore, StreamSnapshot] {
  const [store] = useState(() => createStreamStore(options));
  useEffect(() => store.setOptions(options));
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
