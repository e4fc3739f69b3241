// Small helpers shared by the measurements: a summary of samples (from bench/lib/summary.mjs,
// which runs in any runtime), the machine they ran on, and a child-process runner for
// measurements that need a fresh process.
import { spawn } from "node:child_process";
import { cpus, totalmem } from "node:os";

export { isMain, rotated, summarize } from "./summary.mjs";

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
