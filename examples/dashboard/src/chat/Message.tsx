import { Fragment } from "react";
import type { ChatMessage } from "./answerMetadata";
import { ToolCard } from "./ToolCard";

/** How an answer stands: being streamed, done, stopped by the user, or failed. */
export type AnswerStatus = "streaming" | "success" | "stopped" | "error";

interface Props {
  message: ChatMessage;
  status: AnswerStatus;
  /** What failed, for a failed answer. */
  failure?: string | undefined;
}

const whole = (n: number) => Math.round(n).toLocaleString("en-US");

/** The answer's time to first token and usage, as one line. */
function facts({ metadata }: ChatMessage, status: AnswerStatus) {
  const usage = metadata?.usage;
  return [
    metadata?.timeToFirstTokenMs !== undefined && {
      key: "ttft",
      text: `${whole(metadata.timeToFirstTokenMs)} ms to first token`,
    },
    usage?.outputTokens !== undefined && {
      key: "usage",
      text: `${whole(usage.inputTokens ?? 0)} tokens in, ${whole(usage.outputTokens)} out`,
    },
    status === "stopped" && { key: "stopped", text: "stopped" },
  ].filter((fact) => typeof fact === "object");
}

/** Who answered: the endpoint, and its container family when the name does not say it. */
function who({ metadata }: ChatMessage): string {
  const { endpointName, container } = metadata ?? {};
  if (!endpointName) return container ?? "model";
  return container && container !== endpointName ? `${endpointName} (${container})` : endpointName;
}

/** One message: the user's text, or the model's answer with its tool calls as cards. */
export function Message({ message, status, failure }: Props) {
  if (message.role === "user") {
    return (
      <li className="message user">
        <span className="who">You</span>
        {message.parts.map((part) => (part.type === "text" ? part.text : "")).join("")}
      </li>
    );
  }
  const streaming = status === "streaming";
  const texts = message.parts.filter((part) => part.type === "text");
  return (
    <li
      className={status === "error" ? "message assistant failed" : "message assistant"}
      data-status={status}
      aria-busy={streaming}
    >
      <span className="who">{who(message)}</span>
      {message.parts.map((part, i) => {
        const key = `${message.id}-${i}`;
        if (part.type === "tool-get_weather") return <ToolCard key={key} part={part} />;
        if (part.type !== "text") return null;
        const last = part === texts.at(-1);
        return (
          <span key={key} className={streaming && last ? "answer cursor" : "answer"}>
            {part.text}
          </span>
        );
      })}
      {texts.length === 0 && streaming && <span className="answer cursor" />}
      {failure && (
        <span className="meta" role="alert">
          {failure}
        </span>
      )}
      <span className="meta">
        {facts(message, status).map((fact, i) => (
          <Fragment key={fact.key}>
            {i > 0 && " · "}
            <span className={fact.key}>{fact.text}</span>
          </Fragment>
        ))}
      </span>
    </li>
  );
}
