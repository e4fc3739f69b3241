// Client cost per invoke: calls per second through each client, one InvokeEndpoint with a
// 1 KiB body, all through the same fetch stub that builds the Request a real fetch builds and
// answers at once (bench/lib/invoke-clients.mjs), so that only the clients' own work is
// measured: validation, endpoint, signing, the retry loop, the Request, parsing. Rounds
// alternate between the clients so that a slower moment of the machine hits all of them
// alike; we report the median and the spread. Runs in Node alone, and bundled into a page by
// bench/chromium.mjs.

import {
  bareSmithyClient,
  callsPerSecond,
  invokeClients,
  withStubFetch,
} from "./lib/invoke-clients.mjs";
import { isMain, rotated, summarize } from "./lib/summary.mjs";

export function clients() {
  return {
    ...invokeClients(),
    "bare signer (@smithy/signature-v4) + fetch": bareSmithyClient(),
  };
}

export async function measureThroughput({ rounds = 9, calls = 1500 } = {}) {
  return withStubFetch(async () => {
    const all = clients();
    for (const call of Object.values(all)) await callsPerSecond(call, 300); // warm up the JIT
    const samples = Object.fromEntries(Object.keys(all).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, call] of rotated(all, round)) {
        samples[name].push(await callsPerSecond(call, calls));
      }
    }
    // Each client against each other, round by round (their batches ran next to each other):
    // the median of those ratios, steadier than a ratio of medians when the machine is busy.
    const vs = (name) =>
      Object.fromEntries(
        Object.keys(samples).map((other) => [
          other,
          summarize(samples[name].map((x, i) => x / samples[other][i])).median,
        ]),
      );
    return Object.fromEntries(
      Object.entries(samples).map(([name, xs]) => [
        name,
        { ...summarize(xs), rounds, calls, vs: vs(name) },
      ]),
    );
  });
}

if (isMain(import.meta.url)) {
  const results = await measureThroughput();
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name}: ${Math.round(r.median)} calls/s (IQR ${Math.round(r.p25)}–${Math.round(r.p75)}, min–max ${Math.round(r.min)}–${Math.round(r.max)})`,
    );
  }
}
