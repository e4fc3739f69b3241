import { useEffect, useState } from "react";

/** The calls a hook has running, each with a signal that `abort()` and unmounting fire. */
export interface Calls {
  run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  abort(): void;
}

/** Tracks a hook's calls, and aborts those still running when the component unmounts. */
export function useCalls(): Calls {
  const [calls] = useState(createCalls);
  // Under StrictMode's rehearsal unmount nothing is running yet, so nothing is lost.
  useEffect(() => calls.abort, [calls]);
  return calls;
}

function createCalls(): Calls {
  const running = new Set<AbortController>();
  return {
    async run(call) {
      const controller = new AbortController();
      running.add(controller);
      try {
        return await call(controller.signal);
      } finally {
        running.delete(controller);
      }
    },
    abort() {
      for (const controller of running) controller.abort();
    },
  };
}
