/** A no-break space: recharts wraps a tick label at its spaces when the axis is narrow. */
const NBSP = "\u00a0";

/**
 * A y-axis label of at most six characters, on one line: `0 ms`, `360 ms`, `1.5 s`, `12 s`.
 * Milliseconds past a second would be `12000 ms`, wider than the axis.
 */
export function axisLabel(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Math.round(ms)}${NBSP}ms`;
  const seconds = ms / 1000;
  return `${Math.abs(seconds) < 10 ? Number(seconds.toFixed(1)) : Math.round(seconds)}${NBSP}s`;
}
