// Size figures quoted in the READMEs' prose, generated from the one measurement of
// bench/size.mjs so that no README types a size by hand. A figure is written as
//   <!-- size:sagefetch-invoke -->8.8 KiB<!-- /size -->            the entry's gzip size
//   <!-- size:sagefetch-invoke:minified -->22.2 KiB<!-- /size -->   its minified size
//   <!-- size:react:over:react-core -->3.0 KiB<!-- /size -->        what it adds to another entry
//   <!-- size:sagefetch-cognito-alone:total -->3.3 KiB<!-- /size --> lazy chunks counted
// `bench/size.mjs` rewrites them; with `--check` it fails when one is stale instead.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const FIGURE =
  /<!-- size:([\w-]+)(?::(minified|total|over):?([\w-]+)?)? -->([^<]*)<!-- \/size -->/g;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Every README of the repository: the root's, each package's and each example's. */
export function readmeFiles(root) {
  const inFolder = (folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder)).map((name) => join(root, folder, name, "README.md"))
      : [];
  return [join(root, "README.md"), ...inFolder("packages"), ...inFolder("examples")].filter(
    (file) => existsSync(file),
  );
}

/** The text a figure should hold, or an explanation of why it cannot be computed. */
function figureText(sizes, id, kind, other) {
  const entry = sizes[id];
  if (!entry) return { problem: `no bundle "${id}" is measured (bench/size.mjs ENTRIES)` };
  if (kind === "minified") return { text: kib(entry.minified) };
  if (kind === "total") return { text: kib(entry.totalGzip) };
  if (kind === "over") {
    const base = other && sizes[other];
    if (!base) return { problem: `no bundle "${other}" is measured to subtract from "${id}"` };
    return { text: kib(entry.gzip - base.gzip) };
  }
  return { text: kib(entry.gzip) };
}

/**
 * Brings every README figure in line with `sizes`. With `write`, rewrites the files; without,
 * only reports. Returns the figures that were (or would be) changed, and those that cannot be
 * computed.
 */
export function syncReadmeFigures(root, sizes, { write }) {
  const stale = [];
  const problems = [];
  for (const file of readmeFiles(root)) {
    const before = readFileSync(file, "utf8");
    const after = before.replace(FIGURE, (whole, id, kind, other, shown) => {
      const { text, problem } = figureText(sizes, id, kind, other);
      const where = `${relative(root, file)}: size:${id}${kind ? `:${kind}` : ""}${other ? `:${other}` : ""}`;
      if (problem) {
        problems.push(`${where}: ${problem}`);
        return whole;
      }
      if (text === shown) return whole;
      stale.push(`${where} says ${shown || "nothing"}, measured ${text}`);
      return whole.replace(`-->${shown}<!--`, `-->${text}<!--`);
    });
    if (write && after !== before) writeFileSync(file, after);
  }
  return { stale, problems };
}
