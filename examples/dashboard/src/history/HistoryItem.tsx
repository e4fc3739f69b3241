import type { CallRecord } from "./callRecord";

const time = (epochMs: number) => new Date(epochMs).toLocaleTimeString("en-GB", { hour12: false });

function describe(call: CallRecord): string {
  const { body, fileName, prompt } = call.request;
  if (prompt !== undefined) return `“${prompt}”${call.sessionId ? " (in session)" : ""}`;
  if (typeof body !== "string") return `${fileName ?? "file"} (${body.length} bytes)`;
  return body.length > 60 ? `${body.slice(0, 57)}…` : body;
}

/** One call: when, where, what, how it went, and a button to send it again. */
export function HistoryItem({
  call,
  onReplay,
}: {
  call: CallRecord;
  onReplay(c: CallRecord): void;
}) {
  const ok = call.outcome === "ok";
  return (
    <li className="history-item" data-outcome={call.outcome}>
      <div className="history-line">
        <span className="mono">#{call.id}</span>
        <strong>{call.request.endpointName}</strong>
        <span className="tag">{call.kind === "stream" ? "stream" : call.request.contentType}</span>
        <span className={ok ? "tag ok" : "tag bad"}>{call.outcome}</span>
        <span className="muted">{Math.round(call.durationMs)} ms</span>
        <time className="muted" dateTime={new Date(call.startedAt).toISOString()}>
          {time(call.startedAt)}
        </time>
      </div>
      <div className="history-line">
        <code className="history-body">{describe(call)}</code>
        <button
          type="button"
          className="small"
          onClick={() => onReplay(call)}
          aria-label={`Replay call ${call.id} to ${call.request.endpointName}`}
        >
          Replay
        </button>
      </div>
    </li>
  );
}
