#!/usr/bin/env node
import { demoCredentials } from "@sagefetch/msw";
import { type CliOptions, parseCli, USAGE, UsageError } from "./cliOptions";
import { pingContainer } from "./containerModel";
import { FaultSpecError } from "./faultSpec";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  let options: CliOptions | "help";
  try {
    options = await parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sagefetch-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    return;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      ...options.emulator,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    if (!(error instanceof FaultSpecError || error instanceof RangeError)) throw error;
    process.stderr.write(`sagefetch-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  // Listen for signals before saying where we listen: whoever reads that line may stop us at once.
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
  const settings = options.emulator;
  const credentials = Array.isArray(settings.credentials) ? settings.credentials : [];
  const demoKey = credentials.some((c) => c.accessKeyId === demoCredentials.accessKeyId);
  const names = Object.keys(settings.endpoints ?? {}).join(", ");
  process.stdout.write(
    `sagefetch-emulator listening on ${emulator.url}\n` +
      `  endpoints: ${names}; ` +
      `credentials: ${demoKey ? "the demo key AKIDEXAMPLE" : "from the options"}` +
      `${settings.verifySignatures === false ? " (signatures not checked)" : ""}; ` +
      `cors: ${settings.cors ? "on" : "off"}\n` +
      (emulator.cognitoUrl === undefined
        ? ""
        : `  cognito identity: ${emulator.cognitoUrl} (pools ${options.cognitoPools.join(", ")}); sts: ${emulator.stsUrl}\n`) +
      (settings.faults?.length ? `  faults queued: ${settings.faults.join(" ")}\n` : "") +
      (settings.clockSkewMs ? `  clock skew: ${settings.clockSkewMs} ms\n` : "") +
      `  control API: ${emulator.url}/_emulator/ (JSON${settings.controlToken === undefined ? "" : ", token required"})\n` +
      (isLoopback(settings.host) || settings.controlToken !== undefined
        ? ""
        : `  warning: bound to ${settings.host}, the control API answers anyone who reaches it: set --control-token\n`),
  );
  for (const [name, url] of Object.entries(options.containers)) {
    const problem = await pingContainer(url);
    process.stdout.write(
      `  container ${name} → ${url}: ${problem === undefined ? "healthy" : `not healthy (${problem})`}\n`,
    );
  }
}

function isLoopback(host: string | undefined): boolean {
  return host === undefined || host === "localhost" || host === "::1" || host.startsWith("127.");
}

main().catch((error: unknown) => {
  process.stderr.write(
    `sagefetch-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
