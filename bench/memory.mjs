// Memory while streaming 100 MiB: one InvokeEndpointWithResponseStream answer of 100 MiB
// (1 KiB PayloadParts in 64 KiB network chunks, made as they are read, never held whole)
// goes through each client in its own process started with --expose-gc. Every 4 MiB the
// process collects garbage and samples `heapUsed` (and `arrayBuffers`, where the parts'
// bytes live): a client that keeps what it already handed over grows with the stream; one
// that does not stays flat. Reported: the heap before sending, at 4 MiB (after the one-time
// cost of the first request: compiled code, the client's first objects), its peak, at 100
// MiB, and the drift from 4 MiB to 100 MiB: what 96 MiB of streaming added.
import { fileURLToPath } from "node:url";
import { isMain, runNode, summarize } from "./lib/stats.mjs";

const TOTAL = 100 * 1024 * 1024;
const PART = 1024;
const NETWORK_CHUNK = 64 * 1024;
const SAMPLE_EVERY = 4 * 1024 * 1024;
export const CLIENTS = ["sagefetch", "@aws-sdk/client-sagemaker-runtime"];

async function child(name) {
  const { EventStreamCodec } = await import("@smithy/eventstream-codec");
  const { fromUtf8, toUtf8 } = await import("@smithy/util-utf8");
  const frame = new EventStreamCodec(toUtf8, fromUtf8).encode({
    headers: {
      ":message-type": { type: "string", value: "event" },
      ":event-type": { type: "string", value: "PayloadPart" },
      ":content-type": { type: "string", value: "application/octet-stream" },
    },
    body: new Uint8Array(PART).fill(97),
  });
  // The wire bytes are frame after frame: each network chunk is copied out of that cycle.
  const parts = TOTAL / PART;
  const wireBytes = frame.length * parts;
  const body = () => {
    let sent = 0;
    return new ReadableStream({
      pull(controller) {
        if (sent >= wireBytes) return controller.close();
        const chunk = new Uint8Array(Math.min(NETWORK_CHUNK, wireBytes - sent));
        for (let at = 0; at < chunk.length; ) {
          const offset = (sent + at) % frame.length;
          const piece = frame.subarray(
            offset,
            offset + Math.min(frame.length - offset, chunk.length - at),
          );
          chunk.set(piece, at);
          at += piece.length;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
  };
  const answer = async () =>
    new Response(body(), {
      status: 200,
      headers: { "content-type": "application/vnd.amazon.eventstream", "x-amzn-requestid": "r" },
    });
  globalThis.fetch = answer; // the AWS SDK's FetchHttpHandler uses the global fetch
  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
  const input = { EndpointName: "chat", Body: "{}", ContentType: "application/json" };
  let send;
  if (name === "sagefetch") {
    const core = await import("@sagefetch/core");
    const client = new core.SageMakerRuntimeClient({
      region: "us-east-1",
      credentials,
      fetch: answer,
    });
    send = () => client.send(new core.InvokeEndpointWithResponseStreamCommand(input));
  } else {
    const sdk = await import("@aws-sdk/client-sagemaker-runtime");
    const { FetchHttpHandler } = await import("@smithy/fetch-http-handler");
    const client = new sdk.SageMakerRuntimeClient({
      region: "us-east-1",
      credentials,
      requestHandler: new FetchHttpHandler(),
    });
    send = () => client.send(new sdk.InvokeEndpointWithResponseStreamCommand(input));
  }
  const sample = () => {
    globalThis.gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return { heapUsed, arrayBuffers };
  };
  const before = sample();
  const samples = [];
  let received = 0;
  let nextSample = SAMPLE_EVERY;
  const { Body } = await send();
  for await (const event of Body) {
    received += event.PayloadPart?.Bytes?.length ?? 0;
    if (received >= nextSample) {
      samples.push(sample());
      nextSample += SAMPLE_EVERY;
    }
  }
  if (received !== TOTAL) throw new Error(`got ${received} of ${TOTAL} bytes`);
  return { before, samples };
}

/** What one run says: the first 4 MiB pay once (compiled code, the first request's objects);
 * after that a flat line is what "not growing" means. */
function reduce({ before, samples }) {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const peak = (key) => Math.max(...samples.map((s) => s[key]));
  return {
    before: before.heapUsed,
    first: first.heapUsed,
    last: last.heapUsed,
    peak: peak("heapUsed"),
    drift: last.heapUsed - first.heapUsed,
    peakOverFirst: peak("heapUsed") - first.heapUsed,
    buffersPeakOverBefore: peak("arrayBuffers") - before.arrayBuffers,
    samples: samples.length,
  };
}

export async function measureMemory({ runs = 3 } = {}) {
  const script = fileURLToPath(import.meta.url);
  const raw = Object.fromEntries(CLIENTS.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of CLIENTS) {
      const out = await runNode(script, ["--child", name], { nodeArgs: ["--expose-gc"] });
      raw[name].push(JSON.parse(out));
    }
  }
  return Object.fromEntries(
    Object.entries(raw).map(([name, rs]) => {
      const reduced = rs.map(reduce);
      const keys = Object.keys(reduced[0]).filter((key) => key !== "samples");
      return [
        name,
        {
          ...Object.fromEntries(keys.map((key) => [key, summarize(reduced.map((r) => r[key]))])),
          samples: reduced[0].samples,
          runs,
        },
      ];
    }),
  );
}

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await child(process.argv[3])));
} else if (isMain(import.meta.url)) {
  const mib = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;
  for (const [name, r] of Object.entries(await measureMemory())) {
    console.log(
      `${name}: heapUsed before ${mib(r.before.median)}, at 4 MiB ${mib(r.first.median)}, peak ${mib(r.peak.median)}, at 100 MiB ${mib(r.last.median)}: drift ${mib(r.drift.median)} (peak ${mib(r.peakOverFirst.median)} over 4 MiB); arrayBuffers peak ${mib(r.buffersPeakOverBefore.median)} over before; ${r.samples} samples × ${r.runs} runs`,
    );
  }
}
