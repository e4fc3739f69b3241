// Stream decoding: 16 MiB of model output in 256-byte parts, framed as SageMaker frames it
// (AWS event-stream), arriving in 16 KiB network chunks. The same bytes go through sagefetch
// and the AWS SDK (its browser transport, FetchHttpHandler) on the same instant fetch; and
// through the two decoders alone (ours, and @smithy/eventstream-codec with its chunker), the
// comparison behind decisions/0003. (Time to first part is bench/first-part.mjs.) And one
// 256 KiB message arriving a byte at a time: decoding must stay linear in the chunk count.
import {
  SageMakerRuntimeClient as AwsClient,
  InvokeEndpointWithResponseStreamCommand as AwsStream,
} from "@aws-sdk/client-sagemaker-runtime";
import {
  EventStreamDecoder,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
} from "@sagefetch/core";
import { getChunkedStream } from "@smithy/core/event-streams";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { isMain, summarize } from "./lib/summary.mjs";

const PART = 256;
const TOTAL = 16 * 1024 * 1024;
const NETWORK_CHUNK = 16 * 1024;
const codec = new EventStreamCodec(toUtf8, fromUtf8);

function encodeStream() {
  const part = new Uint8Array(PART).fill(97);
  const message = codec.encode({
    headers: {
      ":message-type": { type: "string", value: "event" },
      ":event-type": { type: "string", value: "PayloadPart" },
      ":content-type": { type: "string", value: "application/octet-stream" },
    },
    body: part,
  });
  const count = TOTAL / PART;
  const bytes = new Uint8Array(message.length * count);
  for (let i = 0; i < count; i++) bytes.set(message, i * message.length);
  return bytes;
}
const bytes = encodeStream();

function body() {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + NETWORK_CHUNK));
      at += NETWORK_CHUNK;
    },
  });
}
const headers = {
  "content-type": "application/vnd.amazon.eventstream",
  "x-amzn-requestid": "r",
  "x-amzn-sagemaker-content-type": "text/plain",
};
// Builds the Request first, as a real fetch does (bench/lib/invoke-clients.mjs).
const answer = async (resource, init) => {
  new Request(resource, init);
  return new Response(body(), { status: 200, headers });
};

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const input = { EndpointName: "chat", Body: "{}", ContentType: "application/json" };
const sagefetch = new SageMakerRuntimeClient({ region: "us-east-1", credentials, fetch: answer });
const aws = new AwsClient({
  region: "us-east-1",
  credentials,
  requestHandler: new FetchHttpHandler(),
});

async function consume(events) {
  let received = 0;
  for await (const event of events) received += event.PayloadPart?.Bytes?.length ?? 0;
  if (received !== TOTAL) throw new Error(`got ${received} of ${TOTAL} bytes`);
}

const runs = {
  sagefetch: async () =>
    consume((await sagefetch.send(new InvokeEndpointWithResponseStreamCommand(input))).Body),
  "@aws-sdk/client-sagemaker-runtime": async () =>
    consume((await aws.send(new AwsStream(input))).Body),
  "decoder alone: sagefetch EventStreamDecoder": async () => {
    const decoder = new EventStreamDecoder();
    let received = 0;
    for (let at = 0; at < bytes.length; at += NETWORK_CHUNK) {
      for (const m of decoder.push(bytes.slice(at, at + NETWORK_CHUNK)))
        received += m.payload.length;
    }
    if (received !== TOTAL) throw new Error("short");
  },
  "decoder alone: @smithy/eventstream-codec": async () => {
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += NETWORK_CHUNK)
        yield bytes.slice(at, at + NETWORK_CHUNK);
    }
    let received = 0;
    for await (const frame of getChunkedStream(chunks()))
      received += codec.decode(frame).body.length;
    if (received !== TOTAL) throw new Error("short");
  },
};

export async function measureStreaming(rounds = 7) {
  // FetchHttpHandler takes no fetch of its own: the AWS SDK's transport uses the global one.
  const previous = globalThis.fetch;
  globalThis.fetch = answer;
  try {
    const samples = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
    for (const run of Object.values(runs)) await run(); // warm up
    for (let r = 0; r < rounds; r++) {
      for (const [name, run] of Object.entries(runs)) {
        const start = performance.now();
        await run();
        samples[name].push(TOTAL / 2 ** 20 / ((performance.now() - start) / 1000));
      }
    }
    return Object.fromEntries(
      Object.entries(samples).map(([name, mbps]) => [name, { ...summarize(mbps), rounds }]),
    );
  } finally {
    globalThis.fetch = previous;
  }
}

const SMALL_CHUNKS_TOTAL = 256 * 1024;

/** One 256 KiB message pushed into our decoder one byte at a time, in MiB/s. */
export function measureSmallChunks(rounds = 5) {
  const message = codec.encode({
    headers: {
      ":message-type": { type: "string", value: "event" },
      ":event-type": { type: "string", value: "PayloadPart" },
    },
    body: new Uint8Array(SMALL_CHUNKS_TOTAL).fill(97),
  });
  const samples = [];
  for (let r = 0; r <= rounds; r++) {
    const decoder = new EventStreamDecoder();
    let received = 0;
    const start = performance.now();
    for (let at = 0; at < message.length; at++) {
      for (const m of decoder.push(message.subarray(at, at + 1))) received += m.payload.length;
    }
    if (received !== SMALL_CHUNKS_TOTAL) throw new Error("short");
    // The first round warms up.
    if (r > 0) samples.push(SMALL_CHUNKS_TOTAL / 2 ** 20 / ((performance.now() - start) / 1000));
  }
  return { ...summarize(samples), rounds };
}

if (isMain(import.meta.url)) {
  for (const [name, r] of Object.entries(await measureStreaming())) {
    console.log(
      `${name}: ${r.median.toFixed(1)} MiB/s (IQR ${r.p25.toFixed(1)}–${r.p75.toFixed(1)}, min–max ${r.min.toFixed(1)}–${r.max.toFixed(1)})`,
    );
  }
  const small = measureSmallChunks();
  console.log(
    `decoder alone, 1-byte chunks (one 256 KiB message): sagefetch EventStreamDecoder: ${small.median.toFixed(2)} MiB/s (IQR ${small.p25.toFixed(2)}–${small.p75.toFixed(2)})`,
  );
}
