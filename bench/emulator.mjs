// The emulator's requests per second: `startEmulator({ port: 0 })` from @sagefetch/emulator in a
// process of its own, hammered over keep-alive HTTP by CONCURRENCY sagefetch clients (one
// InvokeEndpoint on `echo` each at a time, as fast as answers come) from this process for a
// fixed time. On 2 cores that is one core for the emulator and one for the clients. Runs
// alternate between: verification on (the default), verification off (when startEmulator
// takes `verifySignatures: false`; checked, not assumed), and a bare node:http server
// answering the same echo, the most this load generator can push on this machine.
import { fork } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@sagefetch/core";
import { demoCredentials } from "@sagefetch/msw";
import { cleanEnv, isMain, summarize } from "./lib/stats.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const CONCURRENCY = 16;
export const MODES = {
  on: "emulator, signatures verified",
  off: "emulator, verification off",
  plain: "bare node:http echo (the load generator's ceiling)",
};
const input = {
  EndpointName: "echo",
  Body: '{"inputs":"I love this product"}',
  ContentType: "application/json",
};

async function startServer(mode) {
  const child = fork(join(here, "lib", "emulator-server.mjs"), [mode], {
    execPath: process.execPath,
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: cleanEnv(),
  });
  child.stdout.setEncoding("utf8");
  let line = "";
  for await (const chunk of child.stdout) {
    line += chunk;
    if (line.includes("\n")) break;
  }
  const { url, verifying } = JSON.parse(line);
  return {
    url,
    verifying,
    reset: async () => {
      child.send("reset");
      await once(child, "message");
    },
    stop: () => child.disconnect(),
  };
}

/** Requests answered per second by one server, CONCURRENCY clients for `ms`. */
async function hammer(url, ms) {
  const clients = Array.from(
    { length: CONCURRENCY },
    () =>
      new SageMakerRuntimeClient({
        region: "us-east-1",
        endpoint: url,
        credentials: demoCredentials,
        maxAttempts: 1,
      }),
  );
  let answered = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        await client.send(new InvokeEndpointCommand(input)); // throws on anything but 200
        answered++;
      }
    }),
  );
  return answered / ((performance.now() - start) / 1000);
}

export async function measureEmulator({ runs = 7, seconds = 2, warmupSeconds = 1 } = {}) {
  const servers = {};
  const skipped = {};
  for (const mode of Object.keys(MODES)) {
    const server = await startServer(mode);
    const expected = mode === "on";
    if (mode !== "plain" && server.verifying !== expected) {
      skipped[mode] = `startEmulator did not turn verification ${expected ? "on" : "off"}`;
      server.stop();
      continue;
    }
    servers[mode] = server;
  }
  try {
    for (const server of Object.values(servers)) await hammer(server.url, warmupSeconds * 1000);
    const samples = Object.fromEntries(Object.keys(servers).map((mode) => [mode, []]));
    for (let run = 0; run < runs; run++) {
      for (const [mode, server] of Object.entries(servers)) {
        await server.reset();
        samples[mode].push(await hammer(server.url, seconds * 1000));
      }
    }
    return {
      results: Object.fromEntries(
        Object.entries(samples).map(([mode, rps]) => [mode, summarize(rps)]),
      ),
      skipped,
      concurrency: CONCURRENCY,
      seconds,
    };
  } finally {
    for (const server of Object.values(servers)) server.stop();
  }
}

if (isMain(import.meta.url)) {
  const { results, skipped } = await measureEmulator();
  for (const [mode, r] of Object.entries(results)) {
    console.log(
      `${MODES[mode]}: ${Math.round(r.median)} req/s (IQR ${Math.round(r.p25)}–${Math.round(r.p75)})`,
    );
  }
  for (const [mode, why] of Object.entries(skipped)) console.log(`${MODES[mode]}: — (${why})`);
}
