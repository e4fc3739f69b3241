import { errorDetails } from "../invoke/errorDetails";
import { formatRemaining } from "./formatRemaining";
import type { ChatSession } from "./useChat";
import { useNow } from "./useNow";

interface Props {
  session: ChatSession;
}

/** The stateful session: its id, the time left, and the buttons to open, close or reopen it. */
export function SessionBar({ session }: Props) {
  const { info, busy } = session;
  const open = info?.state === "open";
  const now = useNow(open);
  const left = info?.expiresAt ? info.expiresAt.getTime() - now : undefined;
  return (
    <section
      className="session-bar"
      aria-label="Stateful session"
      data-state={info?.state ?? "none"}
    >
      {info && info.state !== "closed" ? (
        <dl>
          <div>
            <dt>Session</dt>
            <dd className="mono" data-testid="session-id">
              {info.id ?? "…"}
            </dd>
          </div>
          <div>
            <dt>State</dt>
            <dd data-testid="session-state">{info.state}</dd>
          </div>
          {left !== undefined && (
            <div>
              <dt>Expires in</dt>
              <dd className={session.expiresSoon ? "expires-soon" : undefined}>
                <time data-testid="session-expiry" dateTime={info.expiresAt?.toISOString()}>
                  {formatRemaining(left)}
                </time>
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="muted" data-testid="session-state">
          {info?.state === "closed"
            ? "Session closed. Messages are sent on their own."
            : "No session: each message is answered on its own."}
        </p>
      )}
      {session.error && (
        <p className="hint warning" role="alert">
          {errorDetails(session.error).name}: {errorDetails(session.error).message}
        </p>
      )}
      <div className="actions">
        {open ? (
          <>
            {session.expiresSoon && (
              <button type="button" onClick={session.reopen} disabled={busy}>
                Reopen session
              </button>
            )}
            <button type="button" onClick={session.close} disabled={busy}>
              Close session
            </button>
          </>
        ) : (
          <button type="button" onClick={session.open} disabled={busy}>
            Open session
          </button>
        )}
      </div>
    </section>
  );
}
