// The code blocks of a README, as the tarball check reads them: every ```ts and ```tsx block
// is a module that must type-check. An HTML comment right before a block can say more:
//   <!-- readme-check: run -->          the block is also run (see checkTarballs.mjs)
//   <!-- readme-check: prelude          declarations the block takes as given (what the
//   declare const credentials: …;       surrounding text says it has), prepended to it
//   -->
import { readFileSync } from "node:fs";

const FENCE = /^```(\w+)?/;
const DIRECTIVE = /<!--\s*readme-check:\s*(run|prelude)\b([\s\S]*?)-->\s*$/;

/**
 * @param {string} file
 * @returns {{ lang: string, code: string, line: number, run: boolean, preludeLines: number }[]}
 */
export function readmeBlocks(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks = [];
  let open;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const fence = FENCE.exec(text);
    if (!open && fence) {
      open = { lang: fence[1] ?? "", start: i + 1, body: [], ...directivesBefore(lines, i) };
    } else if (open && text === "```") {
      const prelude = open.prelude ? `${open.prelude.trim()}\n` : "";
      blocks.push({
        lang: open.lang,
        code: `${prelude}${open.body.join("\n")}\n`,
        line: open.start,
        run: open.run,
        preludeLines: prelude ? prelude.split("\n").length - 1 : 0,
      });
      open = undefined;
    } else if (open) {
      open.body.push(text);
    }
  }
  return blocks;
}

/** The `readme-check` comments between the previous block (or prose) and line `index`. */
function directivesBefore(lines, index) {
  const found = { run: false, prelude: "" };
  let end = index;
  while (end > 0 && (lines[end - 1] ?? "").trim() === "") end--;
  // Comments stacked right above the fence, nearest first.
  while (end > 0 && (lines[end - 1] ?? "").trim().endsWith("-->")) {
    let start = end - 1;
    while (start > 0 && !(lines[start] ?? "").includes("<!--")) start--;
    const match = DIRECTIVE.exec(lines.slice(start, end).join("\n"));
    if (!match) break;
    if (match[1] === "run") found.run = true;
    else found.prelude = match[2] ?? "";
    end = start;
    while (end > 0 && (lines[end - 1] ?? "").trim() === "") end--;
  }
  return found;
}

/** The blocks that are TypeScript modules. */
export function typeScriptBlocks(file) {
  return readmeBlocks(file).filter((b) => b.lang === "ts" || b.lang === "tsx");
}
