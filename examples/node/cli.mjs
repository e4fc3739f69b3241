#!/usr/bin/env node
// A small CLI over @sagefetch/core: `invoke` and `stream` against any SageMaker endpoint, or
// against a local emulator (--emulator). `node cli.mjs --help` says how.
import { once } from "node:events";
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTextChunks,
  readTokens,
  SageMakerRuntimeClient,
  SageMakerRuntimeServiceException,
} from "@sagefetch/core";
import { parseCommandLine, readBody, USAGE, UsageError } from "./lib/args.mjs";
import { createProgress } from "./lib/progress.mjs";

const { stdout, stderr } = process;
/** A line for stderr, dimmed on a terminal. @param {string} text */
const note = (text) => stderr.write(stderr.isTTY ? `\x1b[2m${text}\x1b[0m\n` : `${text}\n`);
/** Streamed content types that carry tokens in events (TGI, vLLM: SSE; LMI: JSON Lines). */
const TOKEN_STREAMS = /event-stream|jsonl|json-lines|jsonlines|ndjson/i;

const interrupt = new AbortController();
process.on("SIGINT", () => {
  if (interrupt.signal.aborted) process.exit(130); // a second Ctrl-C: stop waiting
  interrupt.abort();
});

/**
 * @typedef {import("./lib/args.mjs").Options} Options
 * @typedef {Awaited<ReturnType<typeof import("@sagefetch/emulator").startEmulator>>} Emulator
 * @typedef {import("@sagefetch/core").InvokeEndpointCommandInput} Input
 */

/** @param {string[]} argv */
async function main(argv) {
  const options = parseCommandLine(argv, process.env);
  if (options.command === "help") {
    stdout.write(`${USAGE}\n`);
    return;
  }
  if (options.emulator && options.endpointUrl) {
    throw new UsageError("Give --emulator or --endpoint-url, not both.");
  }
  const body = await readBody(options, process.stdin);
  const emulator = options.emulator ? await startLocalEmulator() : undefined;
  try {
    const client = createClient(options, emulator);
    const input = {
      EndpointName: options.endpointName,
      Body: body,
      ContentType: options.contentType,
      Accept: options.accept,
    };
    if (options.command === "invoke") await invoke(client, input);
    else await stream(client, input, options);
  } finally {
    await emulator?.close();
  }
}

/** The emulator of @sagefetch/msw on a free loopback port, paced like a model that generates. */
async function startLocalEmulator() {
  const { startEmulator } = await import("@sagefetch/emulator");
  const emulator = await startEmulator({ port: 0 });
  emulator.mock.stream.delayMs = 30;
  note(`emulator: ${emulator.url} (echo, sentiment, chat, tabular, flaky, slow)`);
  return emulator;
}

/**
 * @param {Options} options
 * @param {Emulator | undefined} emulator
 */
function createClient(options, emulator) {
  const env = process.env;
  const credentials = emulator
    ? { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }
    : env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          sessionToken: env.AWS_SESSION_TOKEN || undefined,
        }
      : undefined;
  if (!credentials) {
    throw new UsageError(
      "No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or try --emulator).",
    );
  }
  const region = options.region ?? (emulator ? "us-east-1" : undefined);
  if (!region) throw new UsageError("No region: give --region or set AWS_REGION.");
  const endpoint = emulator?.url ?? options.endpointUrl;
  return new SageMakerRuntimeClient({ region, credentials, ...(endpoint ? { endpoint } : {}) });
}

/**
 * @param {SageMakerRuntimeClient} client
 * @param {Input} input
 */
async function invoke(client, input) {
  const out = await client.send(new InvokeEndpointCommand(input), {
    abortSignal: interrupt.signal,
  });
  await write(out.Body);
  if (stdout.isTTY && out.Body.at(-1) !== 0x0a) stdout.write("\n");
  const { requestId } = out.$metadata;
  note(`${out.ContentType}, variant ${out.InvokedProductionVariant}, request ${requestId}`);
}

/**
 * @param {SageMakerRuntimeClient} client
 * @param {Input} input
 * @param {Options} options
 */
async function stream(client, input, options) {
  const started = performance.now();
  const { Body, ContentType } = await client.send(
    new InvokeEndpointWithResponseStreamCommand(input),
    { abortSignal: interrupt.signal },
  );
  const tokens = !options.raw && TOKEN_STREAMS.test(ContentType ?? "");
  const progress = createProgress({
    enabled: options.progress ?? Boolean(stderr.isTTY),
    tokens,
    started,
    stderr,
    stdoutIsTerminal: Boolean(stdout.isTTY),
  });
  async function* counted() {
    for await (const event of Body) {
      progress.update({ bytes: event.PayloadPart?.Bytes?.byteLength ?? 0 });
      yield event;
    }
  }
  let last = "\n";
  try {
    for await (const text of tokens ? readTokens(counted()) : readTextChunks(counted())) {
      progress.beforeText();
      await write(text);
      last = text;
      if (tokens) progress.update({ tokens: 1 });
    }
  } finally {
    progress.finish();
    if (stdout.isTTY && !last.endsWith("\n")) stdout.write("\n");
    progress.summary();
  }
}

/** Writes to stdout, waiting when a pipe is full. @param {string | Uint8Array} chunk */
async function write(chunk) {
  if (!stdout.write(chunk)) await once(stdout, "drain");
}

/**
 * Says what failed; the exit status.
 * @param {any} error anything thrown
 */
function report(error) {
  if (error instanceof UsageError) {
    stderr.write(`${error.message}\nRun \`node cli.mjs --help\` for usage.\n`);
    return 2;
  }
  if (interrupt.signal.aborted) {
    stderr.write("Interrupted.\n");
    return 130;
  }
  const name = error?.name ?? "Error";
  stderr.write(`${name}: ${error?.message ?? String(error)}\n`);
  if (error?.OriginalStatusCode !== undefined) {
    stderr.write(`  the model answered ${error.OriginalStatusCode}: ${error.OriginalMessage}\n`);
  }
  if (error?.field !== undefined) stderr.write(`  field ${error.field}, rule ${error.rule}\n`);
  if (!SageMakerRuntimeServiceException.isInstance(error) && error?.cause?.message) {
    stderr.write(`  cause: ${error.cause.message}\n`);
  }
  return 1;
}

main(process.argv.slice(2)).then(
  () => {
    process.exitCode = 0;
  },
  (error) => {
    process.exitCode = report(error);
  },
);
