import { Composer } from "./Composer";
import { SessionBar } from "./SessionBar";
import { Transcript } from "./Transcript";
import type { Chat } from "./useChat";

/** A streamed conversation with the `chat` endpoint, in a stateful session if one is open. */
export function ChatPanel({ chat }: { chat: Chat }) {
  return (
    <section aria-labelledby="chat-heading">
      <h2 id="chat-heading">
        Chat <span className="muted">with the {chat.endpointName} endpoint</span>
      </h2>
      <SessionBar session={chat.session} />
      <Transcript turns={chat.turns} live={chat.live} />
      <Composer streaming={chat.streaming} onSend={chat.send} onStop={chat.stop} />
    </section>
  );
}
