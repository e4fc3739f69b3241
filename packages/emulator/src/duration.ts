import { LIMITS } from "./limits";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: HOUR, d: DAY };

/**
 * Milliseconds from `250ms`, `90s`, `15m`, `-2h`, `1d` or a bare number of ms, for the clock
 * skew, within ±`maxAbsMs` (default: the emulator's skew limit, 30 days).
 * @throws RangeError naming the option.
 */
export function parseDuration(
  value: string | number,
  option: string,
  maxAbsMs: number = LIMITS.skewMs,
): number {
  let ms: number | undefined;
  if (typeof value === "number") {
    ms = value;
  } else if (typeof value === "string") {
    const match = /^([+-]?\d{1,12}(?:\.\d{1,6})?)(ms|s|m|h|d)?$/.exec(value.trim());
    if (match !== null) ms = Number(match[1]) * (UNITS[match[2] ?? "ms"] ?? 1);
  }
  if (ms === undefined || !Number.isFinite(ms)) {
    throw new RangeError(`${option} must be a duration like 250ms, 90s, 15m or -2h`);
  }
  if (Math.abs(ms) > maxAbsMs) {
    throw new RangeError(`${option} must be within ±${formatMs(maxAbsMs)}`);
  }
  return ms;
}

function formatMs(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  return `${ms}ms`;
}
