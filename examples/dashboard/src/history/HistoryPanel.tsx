import { useCallLog } from "./CallLogContext";
import type { CallRecord } from "./callRecord";
import { HistoryItem } from "./HistoryItem";
import { shownCalls } from "./shownCalls";

/** Shown of the call log, newest first. */
const SHOWN = 25;

/** The calls made, newest first, each with a button to send it again. */
export function HistoryPanel({ onReplay }: { onReplay(call: CallRecord): void }) {
  const { calls } = useCallLog();
  const shown = shownCalls(calls, SHOWN);
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {shown.calls.length === 0 ? (
        <p className="muted">No calls yet.</p>
      ) : (
        <ol className="history" aria-label="Calls, newest first">
          {shown.calls.map((call) => (
            <HistoryItem key={call.id} call={call} onReplay={onReplay} />
          ))}
        </ol>
      )}
      {shown.note && (
        <p className="muted history-note" data-testid="history-note">
          {shown.note}
        </p>
      )}
    </section>
  );
}
