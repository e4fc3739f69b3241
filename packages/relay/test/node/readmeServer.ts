// The README's Node example, run as it is in a process of its own, so that anything it lets
// escape (an unhandled rejection, an uncaught error) ends that process where a test sees it.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { build } from "esbuild";

const README = new URL("../../README.md", import.meta.url);
const PACKAGE_DIR = new URL("../../", import.meta.url).pathname;

// What the test changes in the block, and nothing else: where it listens, and the upstream
// it may forward to (a local stand-in for SageMaker Runtime).
const OPTIONS = '{ allowedOrigins: ["https://app.example.com"] }';
const LISTEN = ".listen(9000)";

/** The README's ```ts block that uses `@sagefetch/relay/node`. */
export function readmeNodeExample(): string {
  const blocks = [...readFileSync(README, "utf8").matchAll(/^```ts\n([\s\S]*?)^```$/gm)];
  const block = blocks.map((match) => match[1] as string).find((code) => code.includes("/node"));
  if (block === undefined) throw new Error("README.md has no ts block using @sagefetch/relay/node");
  return block;
}

export interface RunningExample {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts the README's example with its relay allowed to forward to `upstream`. */
export async function startReadmeExample(upstream: string): Promise<RunningExample> {
  const block = readmeNodeExample();
  if (!block.includes(OPTIONS) || !block.includes(LISTEN)) {
    throw new Error(`The README's Node example no longer has ${OPTIONS} and ${LISTEN}`);
  }
  const port = await freePort();
  const code = block
    .replace(
      OPTIONS,
      `{ allowedOrigins: ["https://app.example.com"], extraUpstreams: ["${upstream}"] }`,
    )
    .replace(LISTEN, `.listen(${port}, "127.0.0.1")`);
  const bundled = await build({
    stdin: { contents: code, loader: "ts", resolveDir: PACKAGE_DIR, sourcefile: "relay.ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    conditions: ["@sagefetch/source"],
    write: false,
    logLevel: "error",
  });
  const child = spawn(process.execPath, ["--input-type=module", "-"], {
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  child.stdin?.end(bundled.outputFiles[0]?.text ?? "");
  const url = `http://127.0.0.1:${port}`;
  await untilListening(port, child, () => stderr);
  return {
    url,
    child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function untilListening(port: number, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The example exited:\n${stderr()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: "OPTIONS" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`The example did not listen on ${port}:\n${stderr()}`);
}
