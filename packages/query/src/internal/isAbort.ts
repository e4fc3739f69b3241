/** Whether a call ended because it was aborted (core's `AbortError`, or a DOMException). */
export const isAbort = (error: unknown): boolean => (error as Error | null)?.name === "AbortError";
