// Small helpers shared by the measurements: a summary of samples, the machine they ran on,
// and a child-process runner for measurements that need a fresh process.
import { spawn } from "node:child_process";
import { cpus, totalmem } from "node:os";

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

/** One line that says what the numbers were measured on. */
export function machine() {
  const cpu = cpus()[0]?.model?.trim() ?? "unknown CPU";
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Runs `node [nodeArgs] script [args]` with the same Node, and resolves with its stdout. */
export function runNode(script, args = [], { nodeArgs = [], env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: env ?? cleanEnv(),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${script} ${args.join(" ")} exited with ${code}:\n${stderr}`)),
    );
  });
}

/** The environment without anything that would make a Node process warmer or slower. */
export function cleanEnv() {
  const env = { ...process.env };
  for (const name of ["NODE_COMPILE_CACHE", "NODE_OPTIONS", "NODE_V8_COVERAGE"]) delete env[name];
  return env;
}

/** True when the module at `url` is the script Node was started with. */
export const isMain = (url) => url === `file://${process.argv[1]}`;
