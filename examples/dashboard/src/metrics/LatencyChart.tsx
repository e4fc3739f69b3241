import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axisLabel } from "./axisLabel";
import type { LatencyPoint } from "./latencySeries";

// Colours chosen for contrast on white and for telling apart without colour (dashes, dots).
const COLORS = { latency: "#475569", p50: "#1d4ed8", p95: "#b91c1c", ttft: "#047857" };

/**
 * Latency of each invoke call, rolling p50/p95, and time to first token for streams
 * (recharts). The lines run across the streams' points, which have no latency.
 */
export function LatencyChart({ points }: { points: LatencyPoint[] }) {
  return (
    <LineChart
      responsive
      data={points}
      style={{ width: "100%", height: 240 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="call" tick={{ fill: "#334155", fontSize: 12 }} />
      {/* Six characters at most (axisLabel) fit in 60 px at 12 px. */}
      <YAxis width={60} tickFormatter={axisLabel} tick={{ fill: "#334155", fontSize: 12 }} />
      <Tooltip formatter={(value) => `${value} ms`} labelFormatter={(call) => `Call ${call}`} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line
        name="latency"
        dataKey="latencyMs"
        stroke={COLORS.latency}
        strokeWidth={1}
        dot={{ r: 2 }}
        connectNulls
        isAnimationActive={false}
      />
      <Line
        name="p50"
        dataKey="p50"
        stroke={COLORS.p50}
        strokeWidth={2}
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
      <Line
        name="p95"
        dataKey="p95"
        stroke={COLORS.p95}
        strokeWidth={2}
        strokeDasharray="6 3"
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
      <Line
        name="time to first token"
        dataKey="ttftMs"
        stroke={COLORS.ttft}
        strokeWidth={0}
        dot={{ r: 4, strokeWidth: 2 }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
