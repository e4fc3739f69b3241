#!/usr/bin/env node
/// <reference path="./node-builtins.d.ts" />
import { parseArgs } from "node:util";
import { demoCredentials } from "../handlers/config";
import type { MockCredentials } from "../handlers/types";
import { startEmulator } from "./server";

const USAGE = `Usage: sagefetch-emulator [options]

Serves a SageMaker Runtime emulator (the demo endpoints echo, sentiment, chat, tabular, flaky,
slow) over HTTP. Point a client at it with its endpoint option, e.g.
  aws sagemaker-runtime invoke-endpoint --endpoint-url http://127.0.0.1:8080 ...

Options:
  --port N                  port to listen on (default 8080; 0 picks a free one)
  --host HOST               address to bind (default 127.0.0.1)
  --access-key-id ID        the key clients must sign with (default: the demo key AKIDEXAMPLE)
  --secret-access-key KEY   its secret (give both, or neither)
  --cors                    answer CORS preflights and add CORS headers (off, as the service)
  --latency MS              wait this long before every answer (default 0)
  -h, --help                show this help
`;

class UsageError extends Error {}

interface CliOptions {
  port: number;
  host: string;
  credentials: MockCredentials;
  cors: boolean;
  latencyMs: number;
}

function parse(args: string[]): CliOptions | "help" {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "access-key-id": { type: "string" },
        "secret-access-key": { type: "string" },
        cors: { type: "boolean" },
        latency: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help === true) return "help";
  const port = integer(values.port, "--port", 8080);
  if (port > 65_535) throw new UsageError("--port must be between 0 and 65535");
  const accessKeyId = values["access-key-id"];
  const secretAccessKey = values["secret-access-key"];
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new UsageError("give --access-key-id and --secret-access-key together");
  }
  const credentials =
    typeof accessKeyId === "string" && typeof secretAccessKey === "string"
      ? { accessKeyId, secretAccessKey }
      : { ...demoCredentials };
  return {
    port,
    host: typeof values.host === "string" ? values.host : "127.0.0.1",
    credentials,
    cors: values.cors === true,
    latencyMs: integer(values.latency, "--latency", 0),
  };
}

function integer(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\d+$/.test(value)) {
    throw new UsageError(`${name} must be a non-negative integer`);
  }
  return Number(value);
}

async function main(): Promise<void> {
  let options: CliOptions | "help";
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sagefetch-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    credentials: [options.credentials],
    cors: options.cors,
    latencyMs: options.latencyMs,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const demoKey = options.credentials.accessKeyId === demoCredentials.accessKeyId;
  process.stdout.write(
    `sagefetch-emulator listening on ${emulator.url}\n` +
      `  endpoints: echo, sentiment, chat, tabular, flaky, slow; ` +
      `credentials: ${demoKey ? "the demo key AKIDEXAMPLE" : "from --access-key-id"}; ` +
      `cors: ${options.cors ? "on" : "off"}\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1); // a second signal: do not wait
    stopping = true;
    emulator.close().then(
      () => {
        process.stdout.write("sagefetch-emulator stopped\n");
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`sagefetch-emulator: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `sagefetch-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
