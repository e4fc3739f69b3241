import { useRef } from "react";
import { Message } from "./Message";
import type { ChatTurn, LiveTurn } from "./useChat";
import { useFollowNewest } from "./useFollowNewest";

interface Props {
  turns: readonly ChatTurn[];
  live: LiveTurn | undefined;
}

/**
 * The conversation; the answer being streamed grows token by token at the end, and the list
 * follows it (unless the reader scrolled up).
 */
export function Transcript({ turns, live }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const onScroll = useFollowNewest(list, turns.length + (live ? 1 : 0));
  if (turns.length === 0 && !live) {
    return <p className="muted">Ask something: the answer streams in token by token.</p>;
  }
  return (
    <ol ref={list} className="transcript" aria-label="Conversation" onScroll={onScroll}>
      {turns.map((turn) => (
        <Message key={turn.id} turn={turn} />
      ))}
      {live && <Message turn={live} />}
    </ol>
  );
}
