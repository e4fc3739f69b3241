import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const exampleDir = fileURLToPath(new URL("..", import.meta.url));

/** The demo key the emulator accepts. */
export const DEMO_ENV = {
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  AWS_REGION: "us-east-1",
};

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The environment besides PATH (nothing else of the test's own is passed on). */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed; without it stdin is empty. */
  input?: string;
  /** Called with the child when its stdout first prints something. */
  onFirstOutput?: (child: ReturnType<typeof spawn>) => void;
  /** The node binary (default: the one running the tests). */
  node?: string;
}

/** Runs `node <script> ...args` in the example's folder and collects what it prints. */
export function run(script: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawn(options.node ?? process.execPath, [script, ...args], {
    cwd: exampleDir,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let first = true;
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
    if (first) {
      first = false;
      options.onFirstOutput?.(child);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  child.stdin.end(options.input ?? "");
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs `node <script> ...args` with stdout and stderr on one pseudo-terminal, as in a shell
 * window: util-linux's `script` (Debian's bsdutils) provides it. The output, as the terminal got it.
 */
export function runInTerminal(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
  const command = [process.execPath, script, ...args].map(quote).join(" ");
  const child = spawn(
    "script",
    ["--quiet", "--flush", "--return", "--command", command, "/dev/null"],
    {
      cwd: exampleDir,
      env: { PATH: process.env.PATH ?? "", TERM: "xterm", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    output += text;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** The machine's own node (outside node_modules, where the workspace puts its Node 24). */
export function systemNode(): string {
  const dirs = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => !dir.includes("node_modules"));
  const candidates = [process.env.SYSTEM_NODE, ...dirs.map((dir) => join(dir, "node"))];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? process.execPath;
}
