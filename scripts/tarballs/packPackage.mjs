// Packs one workspace package with pnpm, as a release does (pnpm rewrites `workspace:` ranges
// and applies `publishConfig`), and lists what is wrong with the tarball a user would get.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Files that belong to the repository's tests, never to a published package. */
const TEST_ONLY = /(^|\/)(test|tests|__fixtures__)\/|\.test(-d)?\.[cm]?[jt]sx?$|vectors\.d\.ts$/;

/**
 * @param {string} dir the package's folder
 * @param {string} destination where the .tgz goes
 * @returns {{ tarball: string, manifest: any, files: string[], problems: string[] }}
 */
export function packPackage(dir, destination) {
  const printed = execFileSync("pnpm", ["pack", "--pack-destination", destination], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const name = printed.trim().split("\n").at(-1)?.trim() ?? "";
  const tarball = name.startsWith("/") ? name : join(destination, name);
  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
  const manifest = JSON.parse(
    execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
  );
  const problems = [...exportsInSync(dir), ...problemsOf(manifest, files, tarball)];
  return { tarball, manifest, files, problems };
}

/** `publishConfig.exports` must name the same subpaths as `exports` (the one tests resolve). */
function exportsInSync(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const published = manifest.publishConfig?.exports;
  if (!published) return [];
  const wanted = Object.keys(manifest.exports ?? {})
    .sort()
    .join(", ");
  const got = Object.keys(published).sort().join(", ");
  return wanted === got ? [] : [`publishConfig.exports has ${got}; exports has ${wanted}`];
}

function problemsOf(manifest, files, tarball) {
  const problems = [];
  const has = new Set(files);
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith("workspace:") || String(range).startsWith("catalog:")) {
        problems.push(`${field}.${dep} is "${range}": npm cannot install it`);
      }
    }
  }
  for (const file of files) {
    if (TEST_ONLY.test(file)) problems.push(`ships a test-only file: ${file}`);
  }
  if (!files.some((f) => /^LICENSE/.test(f))) problems.push("has no LICENSE");
  const targets = [];
  const walk = (value, path) => {
    if (typeof value === "string") targets.push([path, value]);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "@sagefetch/source")
          problems.push(`${path} keeps the private "@sagefetch/source" condition`);
        walk(inner, `${path}.${key}`);
      }
    }
  };
  walk(manifest.exports, "exports");
  for (const field of ["main", "module", "types"]) walk(manifest[field], field);
  walk(typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : manifest.bin, "bin");
  for (const [path, target] of targets) {
    const file = target.replace(/^\.\//, "");
    if (!file.includes("*") && !has.has(file))
      problems.push(`${path} names ${target}, not in the tarball`);
  }
  for (const map of files.filter((f) => f.endsWith(".map"))) {
    const { sources = [] } = JSON.parse(
      execFileSync("tar", ["-xzOf", tarball, `package/${map}`], { encoding: "utf8" }),
    );
    for (const source of sources) {
      const resolved = join(map, "..", source).replace(/^\.\//, "");
      if (!has.has(resolved)) problems.push(`${map} names ${source}, which is not shipped`);
    }
  }
  return problems;
}
