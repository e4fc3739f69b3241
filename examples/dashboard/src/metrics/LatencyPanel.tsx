import { lazy, Suspense } from "react";
import { useCallLog } from "../history/CallLogContext";
import { latencySeries, WINDOW } from "./latencySeries";

// recharts is most of the page's weight: it loads with the first call, not before.
const LatencyChart = lazy(() =>
  import("./LatencyChart").then((module) => ({ default: module.LatencyChart })),
);

const ms = (value: number | undefined) => (value === undefined ? "—" : `${Math.round(value)} ms`);

/**
 * p50/p95 over the last invoke calls and time to first token of streams, as numbers and as a
 * live chart.
 */
export function LatencyPanel() {
  const { calls } = useCallLog();
  const points = latencySeries(calls);
  const last = points.findLast((p) => p.p50 !== undefined);
  const lastTtft = points.findLast((p) => p.ttftMs !== undefined)?.ttftMs;
  return (
    <section className="panel" aria-labelledby="latency-heading">
      <h2 id="latency-heading">Latency</h2>
      <dl className="stats" aria-label={`Over the last ${WINDOW} invoke calls`}>
        <div className="stat">
          <dt>p50</dt>
          <dd data-testid="p50">{ms(last?.p50)}</dd>
        </div>
        <div className="stat">
          <dt>p95</dt>
          <dd data-testid="p95">{ms(last?.p95)}</dd>
        </div>
        <div className="stat">
          <dt>time to first token</dt>
          <dd data-testid="ttft">{ms(lastTtft)}</dd>
        </div>
        <div className="stat">
          <dt>calls</dt>
          <dd>{calls.length}</dd>
        </div>
      </dl>
      {points.length === 0 ? (
        <p className="muted">Send a few calls to see their latency here.</p>
      ) : (
        <figure className="chart">
          <Suspense fallback={<div className="chart-placeholder" />}>
            <LatencyChart points={points} />
          </Suspense>
          <figcaption className="muted">
            Each invoke call's latency, p50 and p95 over the last {WINDOW} of them, and time to
            first token for streams (a whole stream's duration grows with its answer: not shown).
          </figcaption>
        </figure>
      )}
    </section>
  );
}
