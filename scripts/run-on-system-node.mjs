// Runs a script on the machine's own Node (found on PATH outside node_modules/.bin, where the
// workspace puts its Node 24), to prove the published packages work on the oldest Node we
// support. Prints which version ran it, so a machine whose own Node is newer says so.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

const script = process.argv[2];
const dirs = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((dir) => dir && !dir.includes("node_modules"));
const candidates = [process.env.SYSTEM_NODE, ...dirs.map((dir) => join(dir, "node"))].filter(
  Boolean,
);
const node = candidates.find((path) => existsSync(path)) ?? process.execPath;
const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
console.log(`Running ${script} on ${node} (${version})`);
if (!version.startsWith("v20."))
  console.log(`(this machine's own Node is ${version}, not 20: the check ran on it)`);
const { status } = spawnSync(node, [script], { stdio: "inherit" });
process.exit(status ?? 1);
