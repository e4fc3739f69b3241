// Stream decoding: 16 MiB of model output in 256-byte parts, framed as SageMaker frames it
// (AWS event-stream), arriving in 16 KiB network chunks. The same bytes go through sagefetch
// and the AWS SDK (its browser transport, FetchHttpHandler) on the same instant fetch; and
// through the two decoders alone (ours, and @smithy/eventstream-codec with its chunker), the
// comparison behind decisions/0003.
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
const answer = async () => new Response(body(), { status: 200, headers });

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
  let firstAt;
  for await (const event of events) {
    firstAt ??= performance.now();
    received += event.PayloadPart?.Bytes?.length ?? 0;
  }
  if (received !== TOTAL) throw new Error(`got ${received} of ${TOTAL} bytes`);
  return firstAt;
}

const runs = {
  sagefetch: async () =>
    consume((await sagefetch.send(new InvokeEndpointWithResponseStreamCommand(input))).Body),
  "@aws-sdk/client-sagemaker-runtime": async () =>
    consume((await aws.send(new AwsStream(input))).Body),
  "decoder alone: sagefetch EventStreamDecoder": async () => {
    const decoder = new EventStreamDecoder();
    let received = 0;
    let firstAt;
    for (let at = 0; at < bytes.length; at += NETWORK_CHUNK) {
      for (const m of decoder.push(bytes.slice(at, at + NETWORK_CHUNK))) {
        firstAt ??= performance.now();
        received += m.payload.length;
      }
    }
    if (received !== TOTAL) throw new Error("short");
    return firstAt;
  },
  "decoder alone: @smithy/eventstream-codec": async () => {
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += NETWORK_CHUNK)
        yield bytes.slice(at, at + NETWORK_CHUNK);
    }
    let received = 0;
    let firstAt;
    for await (const frame of getChunkedStream(chunks())) {
      const m = codec.decode(frame);
      firstAt ??= performance.now();
      received += m.body.length;
    }
    if (received !== TOTAL) throw new Error("short");
    return firstAt;
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureStreaming(rounds = 5) {
  // FetchHttpHandler takes no fetch of its own: the AWS SDK's transport uses the global one.
  globalThis.fetch = answer;
  const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, { mbps: [], ttfp: [] }]));
  for (const run of Object.values(runs)) await run(); // warm up
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = performance.now();
      const firstAt = await run();
      const seconds = (performance.now() - start) / 1000;
      samples[name].mbps.push(TOTAL / 2 ** 20 / seconds);
      samples[name].ttfp.push(firstAt - start);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        mbps: median(s.mbps),
        min: Math.min(...s.mbps),
        max: Math.max(...s.mbps),
        ttfpMs: median(s.ttfp),
        rounds,
      },
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, r] of Object.entries(await measureStreaming())) {
    console.log(
      `${name}: ${r.mbps.toFixed(1)} MiB/s (spread ${r.min.toFixed(1)}–${r.max.toFixed(1)}), first part after ${r.ttfpMs.toFixed(2)} ms`,
    );
  }
}
