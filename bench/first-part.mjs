// Time to first part: the answer's body carries one PayloadPart and then holds (no more
// bytes, no end), as a model does while it thinks about the next token. A client that
// buffers would never yield; one that streams yields the part at once. Measured from send()
// to the first part in the caller's hands, with a fetch that answers at once.
import {
  SageMakerRuntimeClient as AwsClient,
  InvokeEndpointWithResponseStreamCommand as AwsStream,
} from "@aws-sdk/client-sagemaker-runtime";
import { InvokeEndpointWithResponseStreamCommand, SageMakerRuntimeClient } from "@sagefetch/core";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { isMain, summarize } from "./lib/summary.mjs";

const firstPart = new EventStreamCodec(toUtf8, fromUtf8).encode({
  headers: {
    ":message-type": { type: "string", value: "event" },
    ":event-type": { type: "string", value: "PayloadPart" },
    ":content-type": { type: "string", value: "application/octet-stream" },
  },
  body: new TextEncoder().encode('{"token":{"text":"Hello"}}\n'),
});

/** One part, then nothing until the reader goes away. */
function holdingBody() {
  let release;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(firstPart.slice());
    },
    pull: () =>
      new Promise((resolve) => {
        release = resolve;
      }),
    cancel: () => release?.(),
  });
}
// Builds the Request first, as a real fetch does (bench/lib/invoke-clients.mjs).
const answer = async (resource, init) => {
  new Request(resource, init);
  return new Response(holdingBody(), {
    status: 200,
    headers: {
      "content-type": "application/vnd.amazon.eventstream",
      "x-amzn-requestid": "r",
      "x-amzn-sagemaker-content-type": "application/jsonlines",
    },
  });
};

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const input = { EndpointName: "chat", Body: '{"inputs":"Hi"}', ContentType: "application/json" };

async function untilFirstPart(send) {
  const start = performance.now();
  const { Body } = await send();
  for await (const event of Body) {
    if (event.PayloadPart?.Bytes?.length > 0) return performance.now() - start; // break: cancels
  }
  throw new Error("the stream ended without a part");
}

export function clients() {
  const sagefetch = new SageMakerRuntimeClient({ region: "us-east-1", credentials, fetch: answer });
  const aws = new AwsClient({
    region: "us-east-1",
    credentials,
    requestHandler: new FetchHttpHandler(),
  });
  return {
    sagefetch: () => sagefetch.send(new InvokeEndpointWithResponseStreamCommand(input)),
    "@aws-sdk/client-sagemaker-runtime": () => aws.send(new AwsStream(input)),
  };
}

export async function measureFirstPart({ rounds = 200 } = {}) {
  // FetchHttpHandler takes no fetch of its own: the AWS SDK's transport uses the global one.
  const previous = globalThis.fetch;
  globalThis.fetch = answer;
  try {
    const all = clients();
    for (const send of Object.values(all)) for (let i = 0; i < 50; i++) await untilFirstPart(send);
    const samples = Object.fromEntries(Object.keys(all).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, send] of Object.entries(all))
        samples[name].push(await untilFirstPart(send));
    }
    return Object.fromEntries(Object.entries(samples).map(([name, ms]) => [name, summarize(ms)]));
  } finally {
    globalThis.fetch = previous;
  }
}

if (isMain(import.meta.url)) {
  for (const [name, r] of Object.entries(await measureFirstPart())) {
    console.log(`${name}: ${r.median.toFixed(3)} ms (${r.min.toFixed(3)}–${r.max.toFixed(3)})`);
  }
}
