// The progress line `stream` keeps on stderr: parts, bytes, tokens and tokens per second.

const CLEAR_LINE = "\r\x1b[2K";
// IND moves the cursor down a line (scrolling at the bottom) and RI back up, both keeping the
// column; DECSC/DECRC save and restore the cursor.
const DOWN = "\x1bD";
const UP = "\x1bM";
const SAVE = "\x1b7";
const RESTORE = "\x1b8";

/**
 * @param {number} bytes
 */
function formatBytes(bytes) {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Counts what arrives and draws it on `stderr`. When stdout is the same terminal, the line is
 * drawn below the text (and cleared before more text is written); otherwise it is redrawn in
 * place. With `enabled` false it only counts. `tokens` false: a byte rate instead of a token
 * rate. Rates count from `started` (`performance.now()` when the request was sent).
 * @param {{ enabled: boolean, tokens: boolean, started: number, stderr: NodeJS.WriteStream, stdoutIsTerminal: boolean }} options
 */
export function createProgress({ enabled, tokens, started, stderr, stdoutIsTerminal }) {
  const now = () => performance.now();
  const stats = { parts: 0, bytes: 0, tokens: 0 };
  const below = enabled && stdoutIsTerminal;
  let drawn = false;

  const line = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = tokens
      ? `${stats.tokens} tokens, ${(stats.tokens / seconds).toFixed(1)} tokens/s`
      : `${formatBytes(stats.bytes / seconds)}/s`;
    const text = `${stats.parts} parts, ${formatBytes(stats.bytes)}, ${rate}`;
    const width = stderr.columns ? stderr.columns - 1 : text.length;
    return stderr.isTTY ? `\x1b[2m${text.slice(0, width)}\x1b[0m` : text;
  };
  const erase = () => {
    if (!drawn) return;
    stderr.write(below ? `${SAVE}${DOWN}${CLEAR_LINE}${RESTORE}` : CLEAR_LINE);
    drawn = false;
  };
  const draw = () => {
    if (!enabled) return;
    // Below the text: make room for one more line first (this scrolls at the bottom).
    stderr.write(
      below
        ? `${DOWN}${UP}${SAVE}${DOWN}${CLEAR_LINE}${line()}${RESTORE}`
        : `${CLEAR_LINE}${line()}`,
    );
    drawn = true;
  };

  return {
    stats,
    /** Before text goes to stdout. */
    beforeText: () => {
      if (below) erase();
    },
    /**
     * After a part (its size) or a token arrived.
     * @param {{ bytes?: number, tokens?: number }} delta
     */
    update({ bytes = 0, tokens = 0 }) {
      if (bytes > 0) stats.parts++;
      stats.bytes += bytes;
      stats.tokens += tokens;
      draw();
    },
    /** Removes the line. */
    finish: erase,
    /** The final figures, on a line of their own. */
    summary() {
      if (enabled) stderr.write(`${line()}\n`);
    },
  };
}
