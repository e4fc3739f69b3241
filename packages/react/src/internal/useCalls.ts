import { useState } from "react";
import { useUnmount } from "./useStream";

/**
 * The signal a hook's calls take, fired by `abort()` and by unmounting: every call made
 * before, running or not yet sent (waiting to retry, paused, queued), is aborted.
 */
export interface Calls {
  /** The signal for a call made now. */
  signal(): AbortSignal;
  abort(): void;
}

/** A hook's calls, aborted when the component unmounts. */
export function useCalls(): Calls {
  const [calls] = useState(createCalls);
  useUnmount(calls.abort);
  return calls;
}

function createCalls(): Calls {
  let controller = new AbortController();
  return {
    signal: () => controller.signal,
    abort() {
      controller.abort();
      controller = new AbortController();
    },
  };
}
