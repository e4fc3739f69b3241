import { errorDetails } from "../invoke/errorDetails";
import type { ChatTurn, LiveTurn } from "./useChat";

const ms = (value: number | undefined) =>
  value === undefined ? undefined : `${Math.round(value)} ms to first token`;

/** Why an answer failed: the step (Cognito, relay, endpoint) when known, the error's name and message. */
function FailureNote({ error }: { error: unknown }) {
  const { step, name, message } = errorDetails(error);
  return (
    <span className="meta" role="alert">
      {step && `${step.name} failed. `}
      {name}: {message}
    </span>
  );
}

/** One exchange: the user's message and the model's answer (streaming, done or failed). */
export function Message({ turn }: { turn: ChatTurn | LiveTurn }) {
  const streaming = turn.status === "streaming";
  const failed = turn.status === "error";
  const meta = [
    ms(turn.timeToFirstTokenMs),
    turn.tokensPerSecond ? `${turn.tokensPerSecond.toFixed(1)} tokens/s` : undefined,
    turn.status === "aborted" ? "stopped" : undefined,
  ].filter(Boolean);
  return (
    <>
      <li className="message user">
        <span className="who">You</span>
        {turn.prompt}
      </li>
      <li
        className={failed ? "message assistant failed" : "message assistant"}
        data-status={turn.status}
        aria-busy={streaming}
      >
        <span className="who">chat</span>
        <span className={streaming ? "answer cursor" : "answer"}>{turn.answer}</span>
        {failed && <FailureNote error={turn.error} />}
        {meta.length > 0 && <span className="meta">{meta.join(" · ")}</span>}
      </li>
    </>
  );
}
