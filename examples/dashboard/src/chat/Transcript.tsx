import { useRef } from "react";
import type { ChatMessage } from "./answerMetadata";
import { type AnswerStatus, Message } from "./Message";
import { useFollowNewest } from "./useFollowNewest";

interface Props {
  messages: readonly ChatMessage[];
  /** Whether the newest answer is still coming. */
  busy: boolean;
  /** Why the newest answer failed, if it did. */
  failure: string | undefined;
  /** Answers the user stopped. */
  stopped: ReadonlySet<string>;
}

function statusOf(message: ChatMessage, newest: boolean, props: Props): AnswerStatus {
  if (newest && props.busy) return "streaming";
  if (newest && props.failure !== undefined) return "error";
  return props.stopped.has(message.id) ? "stopped" : "success";
}

/**
 * The conversation; the answer being streamed grows token by token at the end, and the list
 * follows it (unless the reader scrolled up).
 */
export function Transcript(props: Props) {
  const { messages, busy, failure } = props;
  const list = useRef<HTMLOListElement>(null);
  const onScroll = useFollowNewest(list, messages.length);
  if (messages.length === 0) {
    return (
      <p className="muted">
        Ask something: the answer streams in token by token. Ask about the weather in a city to see
        the model call a tool.
      </p>
    );
  }
  const last = messages.at(-1);
  // Sent, with no answer yet (or none at all, if the call failed before one began).
  const unanswered = last?.role === "user" && (busy || failure !== undefined);
  return (
    <ol ref={list} className="transcript" aria-label="Conversation" onScroll={onScroll}>
      {messages.map((message) => (
        <Message
          key={message.id}
          message={message}
          status={statusOf(message, message === last, props)}
          failure={message === last ? failure : undefined}
        />
      ))}
      {unanswered && (
        <li
          className={busy ? "message assistant" : "message assistant failed"}
          data-status={busy ? "streaming" : "error"}
          aria-busy={busy}
        >
          <span className={busy ? "answer cursor" : "answer"} />
          {!busy && (
            <span className="meta" role="alert">
              {failure}
            </span>
          )}
        </li>
      )}
    </ol>
  );
}
