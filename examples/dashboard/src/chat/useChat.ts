import {
  type SageMakerError,
  type SessionView,
  type StreamSnapshot,
  useInvokeEndpointStream,
  useStatefulSession,
} from "@sagefetch/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCallLog } from "../history/CallLogContext";

export const CHAT_ENDPOINT = "chat";
const CONTENT_TYPE = "application/json";
const MAX_NEW_TOKENS = 64;

interface TurnBase {
  prompt: string;
  answer: string;
  error?: SageMakerError | null;
  timeToFirstTokenMs?: number;
  tokensPerSecond?: number;
}

/** A finished exchange. */
export interface ChatTurn extends TurnBase {
  id: number;
  status: "success" | "error" | "aborted";
}

/** The exchange being streamed. */
export interface LiveTurn extends TurnBase {
  status: "streaming";
}

/** The session as the session bar shows and drives it. */
export interface ChatSession {
  info: SessionView | undefined;
  busy: boolean;
  expiresSoon: boolean;
  error: SageMakerError | null;
  open(): void;
  close(): void;
  reopen(): void;
}

interface Asked {
  prompt: string;
  body: string;
  /** Streamed in the session (`useStatefulSession`), or on its own (`useInvokeEndpointStream`). */
  inSession: string | undefined;
  startedAt: number;
  durationMs?: number;
}

const isEnded = (status: StreamSnapshot["status"]) =>
  status === "success" || status === "error" || status === "aborted";

/**
 * The chat: messages stream in the open stateful session (`useStatefulSession`), or on their
 * own when there is none (`useInvokeEndpointStream`). Every answer goes to the call log.
 */
export function useChat(endpointName = CHAT_ENDPOINT) {
  const session = useStatefulSession({ endpointName, ContentType: CONTENT_TYPE });
  const single = useInvokeEndpointStream({
    defaults: { EndpointName: endpointName, ContentType: CONTENT_TYPE },
  });
  const { record } = useCallLog();
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const [asked, setAsked] = useState<Asked>();
  const [busy, setBusy] = useState(false);
  const latest = useRef({ session, single });
  latest.current = { session, single };

  const send = useCallback((prompt: string) => {
    const { session, single } = latest.current;
    const body = JSON.stringify({ inputs: prompt, parameters: { max_new_tokens: MAX_NEW_TOKENS } });
    const inSession = session.isOpen ? session.session.id : undefined;
    const started = performance.now();
    setAsked({ prompt, body, inSession, startedAt: Date.now() });
    const streamed = session.isOpen ? session.stream({ Body: body }) : single.start({ Body: body });
    // Both resolve once the stream has ended, however it ended (never reject).
    void streamed.then(() =>
      setAsked((a) => a && { ...a, durationMs: performance.now() - started }),
    );
  }, []);

  const snapshot: StreamSnapshot = asked?.inSession ? session : single;
  // Once the stream has ended, its answer joins the conversation and the call log.
  useEffect(() => {
    if (asked?.durationMs === undefined || !isEnded(snapshot.status)) return;
    const turn = {
      prompt: asked.prompt,
      answer: snapshot.text,
      status: snapshot.status as ChatTurn["status"],
      error: snapshot.error,
      timeToFirstTokenMs: snapshot.timeToFirstTokenMs,
      tokensPerSecond: snapshot.tokensPerSecond,
    };
    setTurns((all) => [...all, { ...turn, id: all.length + 1 }]);
    record({
      kind: "stream",
      request: { endpointName, contentType: CONTENT_TYPE, body: asked.body, prompt: asked.prompt },
      startedAt: asked.startedAt,
      durationMs: asked.durationMs,
      timeToFirstTokenMs: snapshot.timeToFirstTokenMs,
      outcome:
        snapshot.status === "success"
          ? "ok"
          : snapshot.status === "aborted"
            ? "aborted"
            : (snapshot.error?.name ?? "Error"),
      ...(asked.inSession ? { sessionId: asked.inSession } : {}),
    });
    setAsked(undefined);
  }, [asked, snapshot, record, endpointName]);

  const live: LiveTurn | undefined = asked && {
    prompt: asked.prompt,
    answer: snapshot.status === "streaming" ? snapshot.text : "",
    status: "streaming",
    timeToFirstTokenMs: snapshot.timeToFirstTokenMs,
  };

  const act = (action: () => Promise<unknown> | undefined) => () => {
    setBusy(true);
    void Promise.resolve(action())
      .catch(() => {}) // shown from `sessionError`
      .finally(() => setBusy(false));
  };
  const chatSession: ChatSession = {
    info: session.session,
    busy,
    expiresSoon: session.expiresSoon,
    error: session.sessionError,
    open: act(() => session.open()),
    close: act(() => session.close?.()),
    reopen: act(() => session.reopen()),
  };

  return {
    endpointName,
    turns,
    live,
    streaming: asked !== undefined,
    session: chatSession,
    send,
    stop: () => (asked?.inSession ? session.abort() : single.abort()),
  };
}

export type Chat = ReturnType<typeof useChat>;
