// Client cost per invoke: calls per second through each client with a fetch (or request
// handler) that answers at once, so that only the client's own work is measured: validation,
// endpoint, signing, the retry loop, parsing. Rounds alternate between the clients so that
// a slower moment of the machine hits all of them alike; we report the median and the spread.

import { Sha256 } from "@aws-crypto/sha256-browser";
import {
  SageMakerRuntimeClient as AwsClient,
  InvokeEndpointCommand as AwsInvoke,
} from "@aws-sdk/client-sagemaker-runtime";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@sagefetch/core";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsClient as Aws4Fetch } from "aws4fetch";
import { isMain, summarize } from "./lib/stats.mjs";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
const body = JSON.stringify({
  inputs: "I love this product, it works great",
  parameters: { top_k: 1 },
});
const answer = '[{"label":"POSITIVE","score":0.9998}]';
const answerHeaders = {
  "content-type": "application/json",
  "x-amzn-requestid": "b6f2c1d4",
  "x-amzn-invoked-production-variant": "AllTraffic",
};
const input = {
  EndpointName: "sentiment",
  Body: body,
  ContentType: "application/json",
  Accept: "application/json",
};

const instantFetch = async () => new Response(answer, { status: 200, headers: answerHeaders });

export function clients() {
  const sagefetch = new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials,
    fetch: instantFetch,
  });
  const aws = new AwsClient({
    region: "us-east-1",
    credentials,
    // The AWS SDK's browser transport, on the same instant fetch: both clients pay the same
    // for Request and Response objects, so the difference is the clients' own work.
    requestHandler: new FetchHttpHandler(),
  });
  const signer = new SignatureV4({
    service: "sagemaker",
    region: "us-east-1",
    credentials,
    sha256: Sha256,
  });
  const aws4 = new Aws4Fetch({ ...credentials, service: "sagemaker", region: "us-east-1" });
  const url = new URL(
    "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/sentiment/invocations",
  );
  return {
    sagefetch: async () =>
      (await sagefetch.send(new InvokeEndpointCommand(input))).Body.transformToString(),
    "@aws-sdk/client-sagemaker-runtime": async () =>
      (await aws.send(new AwsInvoke(input))).Body.transformToString(),
    "bare signer (@smithy/signature-v4) + fetch": async () => {
      const signed = await signer.sign({
        method: "POST",
        protocol: "https:",
        hostname: url.hostname,
        path: url.pathname,
        query: {},
        headers: {
          host: url.hostname,
          "content-type": "application/json",
          accept: "application/json",
        },
        body,
      });
      return (await instantFetch(url, { method: "POST", headers: signed.headers, body })).text();
    },
    "aws4fetch (signing only)": async () => {
      const request = await aws4.sign(url.href, {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      });
      return (await instantFetch(request)).text();
    },
  };
}

async function callsPerSecond(call, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return (calls / (performance.now() - start)) * 1000;
}

export async function measureThroughput({ rounds = 9, calls = 1500 } = {}) {
  // FetchHttpHandler takes no fetch of its own: the AWS SDK's transport uses the global one.
  const previous = globalThis.fetch;
  globalThis.fetch = instantFetch;
  try {
    const all = clients();
    for (const call of Object.values(all)) await callsPerSecond(call, 300); // warm up the JIT
    const samples = Object.fromEntries(Object.keys(all).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, call] of Object.entries(all))
        samples[name].push(await callsPerSecond(call, calls));
    }
    return Object.fromEntries(
      Object.entries(samples).map(([name, xs]) => [name, { ...summarize(xs), rounds }]),
    );
  } finally {
    globalThis.fetch = previous;
  }
}

if (isMain(import.meta.url)) {
  const results = await measureThroughput();
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name}: ${Math.round(r.median)} calls/s (IQR ${Math.round(r.p25)}–${Math.round(r.p75)}, min–max ${Math.round(r.min)}–${Math.round(r.max)})`,
    );
  }
}
