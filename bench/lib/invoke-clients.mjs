// The clients whose cost per invoke the bench compares, in any runtime (Node, a page, a
// Worker, an edge sandbox): one InvokeEndpoint with a 1 KiB JSON body, answered at once by
// the same fetch stub. The stub builds the `Request` a real fetch builds from what it is
// handed (headers validated and normalized, the body taken over) and answers without the
// network, so each client pays for its own work and for the Request it makes fetch build.

import { Sha256 } from "@aws-crypto/sha256-browser";
import {
  SageMakerRuntimeClient as AwsClient,
  InvokeEndpointCommand as AwsInvoke,
} from "@aws-sdk/client-sagemaker-runtime";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@sagefetch/core";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsClient as Aws4Fetch } from "aws4fetch";

export const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
export const region = "us-east-1";
export const url = new URL(
  "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/sentiment/invocations",
);

/** A 1 KiB JSON body (1,024 bytes of UTF-8), as a classifier or a short prompt sends. */
export const body = (() => {
  const head = '{"inputs":"';
  const tail = '","parameters":{"top_k":1,"truncation":true}}';
  const words = "I love this product, it works great and arrived on time. ";
  const text = words
    .repeat(Math.ceil(1024 / words.length))
    .slice(0, 1024 - head.length - tail.length);
  return head + text + tail;
})();

export const input = {
  EndpointName: "sentiment",
  Body: body,
  ContentType: "application/json",
  Accept: "application/json",
};

const answer = '[{"label":"POSITIVE","score":0.9998}]';
const answerHeaders = {
  "content-type": "application/json",
  "x-amzn-requestid": "b6f2c1d4-5b1e-4a7e-9c3f-0f1e2d3c4b5a",
  "x-amzn-invoked-production-variant": "AllTraffic",
};

/** What a fetch does before the network: build the Request. Then an answer at once. */
export const stubFetch = async (resource, init) => {
  const request = new Request(resource, init);
  if (request.method !== "POST") throw new TypeError("the stub expects a POST");
  return new Response(answer, { status: 200, headers: answerHeaders });
};

/**
 * One invoke per client, each reading the answer's text. The AWS SDK runs with its browser
 * transport (FetchHttpHandler, which takes the global fetch: the caller installs the stub as
 * `globalThis.fetch` while measuring, see `withStubFetch`). Its signer's hasher is whatever
 * the AWS SDK picks in the runtime it was bundled for.
 */
export function invokeClients() {
  const sagefetch = new SageMakerRuntimeClient({ region, credentials, fetch: stubFetch });
  const aws = new AwsClient({ region, credentials, requestHandler: new FetchHttpHandler() });
  const aws4 = new Aws4Fetch({ ...credentials, service: "sagemaker", region });
  return {
    sagefetch: async () =>
      (await sagefetch.send(new InvokeEndpointCommand(input))).Body.transformToString(),
    "@aws-sdk/client-sagemaker-runtime": async () =>
      (await aws.send(new AwsInvoke(input))).Body.transformToString(),
    "aws4fetch (signing only)": async () => {
      const request = await aws4.sign(url.href, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", accept: "application/json" },
      });
      return (await stubFetch(request)).text();
    },
  };
}

/** The bare signer the AWS SDK uses, with a fetch: the floor of a full client's cost. */
export function bareSmithyClient() {
  const signer = new SignatureV4({ service: "sagemaker", region, credentials, sha256: Sha256 });
  return async () => {
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
    delete signed.headers.host;
    return (await stubFetch(url.href, { method: "POST", headers: signed.headers, body })).text();
  };
}

/** Runs `measure` with the stub as the global fetch (the AWS SDK's transport uses it). */
export async function withStubFetch(measure) {
  const previous = globalThis.fetch;
  globalThis.fetch = stubFetch;
  try {
    return await measure();
  } finally {
    globalThis.fetch = previous;
  }
}

/** Calls per second of `call`, `calls` times in a row. */
export async function callsPerSecond(call, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return (calls / (performance.now() - start)) * 1000;
}
