const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds from `250ms`, `90s`, `15m`, `-2h` or a bare number of ms, for the clock skew and
 * latency options.
 * @throws RangeError naming the option.
 */
export function parseDuration(value: string | number, option: string): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
  } else {
    const match = /^([+-]?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
    if (match !== null) return Number(match[1]) * (UNITS[match[2] ?? "ms"] ?? 1);
  }
  throw new RangeError(`${option} must be a duration like 250ms, 90s, 15m or -2h`);
}
