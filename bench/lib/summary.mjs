// The runtime-neutral helpers of bench/lib/stats.mjs: they are also bundled into pages,
// Workers and edge sandboxes (bench/lib/runtimes.mjs), where no Node API exists.

/**
 * Median (the lower middle for an even count), quartiles (nearest rank), min and max of some
 * samples. The tables show the interquartile range as the spread: a GC pause in one round
 * moves min or max, not the middle half.
 */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const last = sorted.length - 1;
  return {
    median: sorted[Math.floor(last / 2)],
    p25: sorted[Math.floor(last * 0.25)],
    p75: sorted[Math.ceil(last * 0.75)],
    min: sorted[0],
    max: sorted[last],
    n: sorted.length,
  };
}

/** The entries of `object` starting at the `round`-th: no client always goes first. */
export function rotated(object, round) {
  const entries = Object.entries(object);
  const at = round % entries.length;
  return [...entries.slice(at), ...entries.slice(0, at)];
}

/** True when the module at `url` is the script Node was started with (never in a page). */
export const isMain = (url) => url === `file://${globalThis.process?.argv?.[1]}`;
