import type { CallRecord } from "../history/callRecord";
import { percentile } from "./percentile";

/** Invoke calls the rolling percentiles look back over. */
export const WINDOW = 20;
/** Points the chart shows. */
export const SHOWN = 30;

/**
 * One call on the chart. An invoke call has its latency and the p50/p95 of the invoke calls up
 * to it; a stream has its time to first token only: a whole stream's duration grows with the
 * answer's length, and is no latency to set beside an invoke's.
 */
export interface LatencyPoint {
  call: number;
  endpointName: string;
  latencyMs?: number;
  p50?: number;
  p95?: number;
  ttftMs?: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One point per finished call (aborted ones left out), oldest first. */
export function latencySeries(calls: readonly CallRecord[]): LatencyPoint[] {
  const done = calls.filter((c) => c.outcome !== "aborted");
  const invokes = done.filter((c) => c.kind === "invoke");
  return done.slice(-SHOWN).map((call) => {
    const point: LatencyPoint = { call: call.id, endpointName: call.request.endpointName };
    if (call.kind === "stream") {
      if (call.timeToFirstTokenMs !== undefined) point.ttftMs = round(call.timeToFirstTokenMs);
      return point;
    }
    const upTo = invokes.indexOf(call) + 1;
    const window = invokes.slice(Math.max(0, upTo - WINDOW), upTo).map((c) => c.durationMs);
    point.latencyMs = round(call.durationMs);
    point.p50 = round(percentile(window, 50) ?? 0);
    point.p95 = round(percentile(window, 95) ?? 0);
    return point;
  });
}
