import type { CallRecord } from "../history/callRecord";
import type { ChatMessage } from "./answerMetadata";

/** What `useChat`'s `onFinish` says of an answer, as far as the call log needs it. */
export interface FinishedAnswer {
  message: ChatMessage;
  messages: readonly ChatMessage[];
  isAbort: boolean;
  isError: boolean;
}

/** The text the user sent last: what a replay sends again. */
export function lastPrompt(messages: readonly ChatMessage[]): string {
  const asked = messages.findLast((m) => m.role === "user");
  return (asked?.parts ?? []).map((p) => (p.type === "text" ? p.text : "")).join("");
}

/**
 * An answer as the history and the latency chart keep it: a stream call. A failed one is
 * recorded under the name of the error it failed with.
 */
export function answerCall(
  { message, messages, isAbort, isError }: FinishedAnswer,
  failedWith: string | undefined,
  clock: () => number = Date.now,
): Omit<CallRecord, "id"> {
  const meta = message.role === "assistant" ? (message.metadata ?? {}) : {};
  const startedAt = meta.startedAt ?? clock();
  const prompt = lastPrompt(messages);
  return {
    kind: "stream",
    request: {
      endpointName: meta.endpointName ?? "chat",
      contentType: "application/json",
      body: prompt,
      prompt,
    },
    startedAt,
    durationMs: meta.durationMs ?? clock() - startedAt,
    ...(meta.timeToFirstTokenMs !== undefined
      ? { timeToFirstTokenMs: meta.timeToFirstTokenMs }
      : {}),
    outcome: isAbort ? "aborted" : isError ? (failedWith ?? "Error") : "ok",
  };
}
