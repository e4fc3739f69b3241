// Markdown tables with padded columns (so the README diff shows numbers, not whitespace), and
// the number formats the tables share.

/** `align`: one of "l" / "r" per column. */
export function markdownTable(header, rows, align) {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, i) => (align[i] === "r" ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === "r" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
export const int = (x) => Math.round(x).toLocaleString("en");

/** A number with fixed decimals that keeps its sign: +0.05, −0.01. */
export const signed = (x, digits) =>
  `${Number(x.toFixed(digits)) < 0 ? "−" : "+"}${Math.abs(x).toFixed(digits)}`;

/** "median (IQR p25–p75)" of a summary, each value through `format`. */
export const withSpread = (r, format, unit = "") =>
  `${format(r.median)}${unit} (${format(r.p25)}–${format(r.p75)})`;

/**
 * How sagefetch compares with a peer: "4.8× faster", "6.5× smaller", "1.9× slower".
 * `higherIsBetter` for rates (calls/s, MiB/s); sizes and times are better lower.
 */
export function ratio(ours, theirs, { higherIsBetter = false, better, worse }) {
  const factor = higherIsBetter ? ours / theirs : theirs / ours;
  if (factor > 1 / 1.05 && factor < 1.05) return "about the same";
  return factor >= 1 ? `${factor.toFixed(1)}× ${better}` : `${(1 / factor).toFixed(1)}× ${worse}`;
}

/** Pads every table in some markdown (another module's output) as markdownTable does. */
export function padMarkdownTables(markdown) {
  const out = [];
  let block = [];
  const cells = (line) =>
    line
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((cell) => cell.trim());
  const flush = () => {
    if (block.length >= 2) {
      const [header, rule, ...rows] = block.map(cells);
      const align = rule.map((cell) => (cell.endsWith(":") ? "r" : "l"));
      out.push(markdownTable(header, rows, align));
    } else out.push(...block);
    block = [];
  };
  for (const line of markdown.split("\n")) {
    if (line.trimStart().startsWith("|")) block.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join("\n");
}
