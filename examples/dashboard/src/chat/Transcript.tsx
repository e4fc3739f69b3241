import { Message } from "./Message";
import type { ChatTurn, LiveTurn } from "./useChat";

interface Props {
  turns: readonly ChatTurn[];
  live: LiveTurn | undefined;
}

/** The conversation; the answer being streamed grows token by token at the end. */
export function Transcript({ turns, live }: Props) {
  if (turns.length === 0 && !live) {
    return <p className="muted">Ask something: the answer streams in token by token.</p>;
  }
  return (
    <ol className="transcript" aria-label="Conversation">
      {turns.map((turn) => (
        <Message key={turn.id} turn={turn} />
      ))}
      {live && <Message turn={live} />}
    </ol>
  );
}
