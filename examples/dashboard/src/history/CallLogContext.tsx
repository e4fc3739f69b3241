import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { CallRecord } from "./callRecord";

/** Calls kept for the history and the latency chart. */
export const MAX_CALLS = 100;

interface CallLog {
  /** Oldest first. */
  calls: readonly CallRecord[];
  record(call: Omit<CallRecord, "id">): void;
}

const CallLogContext = createContext<CallLog | undefined>(undefined);

export function CallLogProvider({ children }: { children: ReactNode }) {
  const [calls, setCalls] = useState<readonly CallRecord[]>([]);
  const record = useCallback((call: Omit<CallRecord, "id">) => {
    setCalls((all) => [...all, { ...call, id: (all.at(-1)?.id ?? 0) + 1 }].slice(-MAX_CALLS));
  }, []);
  const value = useMemo(() => ({ calls, record }), [calls, record]);
  return <CallLogContext value={value}>{children}</CallLogContext>;
}

export function useCallLog(): CallLog {
  const log = useContext(CallLogContext);
  if (!log) throw new Error("useCallLog needs a <CallLogProvider> above it");
  return log;
}
