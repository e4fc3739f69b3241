import type { CallRecord } from "../history/callRecord";
import { percentile } from "./percentile";

/** Calls the rolling percentiles look back over. */
export const WINDOW = 20;
/** Points the chart shows. */
export const SHOWN = 30;

export interface LatencyPoint {
  call: number;
  endpointName: string;
  latencyMs: number;
  p50: number;
  p95: number;
  ttftMs?: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One point per finished call (aborted ones left out), with p50/p95 of the calls before it. */
export function latencySeries(calls: readonly CallRecord[]): LatencyPoint[] {
  const done = calls.filter((c) => c.outcome !== "aborted");
  return done.slice(-SHOWN).map((call) => {
    const upTo = done.indexOf(call) + 1;
    const window = done.slice(Math.max(0, upTo - WINDOW), upTo).map((c) => c.durationMs);
    return {
      call: call.id,
      endpointName: call.request.endpointName,
      latencyMs: round(call.durationMs),
      p50: round(percentile(window, 50) ?? 0),
      p95: round(percentile(window, 95) ?? 0),
      ...(call.timeToFirstTokenMs === undefined ? {} : { ttftMs: round(call.timeToFirstTokenMs) }),
    };
  });
}
