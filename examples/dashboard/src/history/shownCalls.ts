import type { CallRecord } from "./callRecord";

export interface ShownCalls {
  /** The newest calls, newest first. */
  calls: readonly CallRecord[];
  /** Says that older calls are hidden ("Showing the newest 25 of 57 calls."); else undefined. */
  note: string | undefined;
}

/**
 * The newest `limit` calls of the log, and a note when there are more. The total counts every
 * call made (ids run on), also those the log no longer keeps.
 */
export function shownCalls(log: readonly CallRecord[], limit: number): ShownCalls {
  const calls = log.slice(-limit).reverse();
  const made = log.at(-1)?.id ?? 0;
  const hidden = made - calls.length;
  return {
    calls,
    note:
      hidden > 0
        ? `Showing the newest ${calls.length} of ${made} calls (${hidden} older hidden).`
        : undefined,
  };
}
