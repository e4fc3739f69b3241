// Where the time of one InvokeEndpoint (1 KiB body) goes inside sagefetch, step by step, in
// whatever runtime this module is bundled for (bench/lib/runtimes.mjs): each step of the
// pipeline timed alone on the same input the client sees, the whole invoke through the
// shared fetch stub, and the alternatives the choice of hasher is made from (crypto.subtle
// for the payload digest and for the HMAC). Also the three clients' calls per second through
// the same stub, so that each runtime's breakdown comes with its own comparison.
// Internal steps are imported from packages/core/src: they are not exported by the package.

import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@sagefetch/core";
import {
  resolveEndpoint,
  withOperationPath,
} from "../../packages/core/src/endpoint/resolveEndpoint.ts";
import { toBodyBytes } from "../../packages/core/src/http/toBodyBytes.ts";
import { randomUuid } from "../../packages/core/src/internal/randomUuid.ts";
import { withAttemptSignal } from "../../packages/core/src/retry/withAttemptSignal.ts";
import {
  canonicalHeaders,
  canonicalPath,
  canonicalQuery,
} from "../../packages/core/src/signing/canonicalRequest.ts";
import {
  payloadHash,
  setNativeDigestFromBytes,
} from "../../packages/core/src/signing/payloadHash.ts";
import { hmacSha256, sha256 } from "../../packages/core/src/signing/sha256.ts";
import { preparedSigningKey, signingKey } from "../../packages/core/src/signing/signingKey.ts";
import { signRequest } from "../../packages/core/src/signing/signRequest.ts";
import {
  body,
  credentials,
  input,
  invokeClients,
  region,
  stubFetch,
  url,
  withStubFetch,
} from "./invoke-clients.mjs";

const encoder = new TextEncoder();
const bodyBytes = encoder.encode(body);
const operation = new InvokeEndpointCommand(input).operation;
const date = new Date("2026-12-05T08:00:00Z");
const params = { credentials, region, service: "sagemaker", date };
const day = "20261205";
const requestHeaders = {
  "content-type": "application/json",
  accept: "application/json",
  "amz-sdk-invocation-id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
  "amz-sdk-request": "attempt=1; max=3",
};
const PAYLOADS = Object.fromEntries(
  [256, 512, 1024, 4096, 16384, 32768].map((size) => [
    size < 1024 ? `${size} B` : `${size / 1024} KiB`,
    new Uint8Array(size).map((_, i) => (i * 7919) & 255),
  ]),
);
const key = signingKey(credentials, day, region, "sagemaker");
const preparedKey = preparedSigningKey(credentials, day, region, "sagemaker");
const subtle = globalThis.crypto?.subtle;
const answer = '[{"label":"POSITIVE","score":0.9998}]';
const answerHeaders = {
  "content-type": "application/json",
  "x-amzn-requestid": "b6f2c1d4-5b1e-4a7e-9c3f-0f1e2d3c4b5a",
  "x-amzn-invoked-production-variant": "AllTraffic",
};

/**
 * The steps of one invoke, in the order the client runs them, and what the hasher could be
 * instead (crypto.subtle, where the runtime has it). Made on first use: a Worker may not
 * await at the top level.
 */
async function steps() {
  // What signRequest hands on to fetch, and the strings it hashes, made once as it makes them.
  const signedHeaders = await signRequest("POST", url, requestHeaders, bodyBytes, params);
  const canonicalRequest = () => {
    const { names, block } = canonicalHeaders({ ...signedHeaders, host: url.host });
    return [
      "POST",
      canonicalPath(url.pathname),
      canonicalQuery(url.searchParams),
      block,
      names,
      signedHeaders["x-amz-content-sha256"],
    ].join("\n");
  };
  const creqBytes = encoder.encode(canonicalRequest());
  const stringToSign = encoder.encode(
    `AWS4-HMAC-SHA256\n20261205T080000Z\n${day}/${region}/sagemaker/aws4_request\n${"0".repeat(64)}`,
  );
  const client = new SageMakerRuntimeClient({ region, credentials, fetch: stubFetch });
  const pipeline = {
    "serialize: validate, header bindings, body to bytes": () => operation.serialize(input),
    "body alone: 1 KiB string to bytes (TextEncoder)": () =>
      toBodyBytes("InvokeEndpoint", body, true),
    "URL: endpoint rules, operation path": () =>
      withOperationPath(
        resolveEndpoint({ region, useFipsEndpoint: false, useDualstackEndpoint: false }),
        "/endpoints/sentiment/invocations",
      ),
    "attempt: invocation id": () => randomUuid(),
    "attempt: signal, timeout timer, abort race": () =>
      withAttemptSignal(undefined, 70_000, "InvokeEndpoint", async () => 1),
    "sign: SHA-256 of the 1 KiB payload (as the runtime takes it)": () => payloadHash(bodyBytes),
    "sign: canonical request (path, query, headers)": () => canonicalRequest(),
    "sign: SHA-256 of the canonical request": () => sha256(creqBytes),
    "sign: HMAC of the string to sign (key cached)": () => hmacSha256(preparedKey, stringToSign),
    "sign: signRequest, all of it": () =>
      signRequest("POST", url, requestHeaders, bodyBytes, params),
    "fetch: new Request (the stub, as fetch does)": () =>
      new Request(url.href, { method: "POST", headers: signedHeaders, body: bodyBytes }),
    "answer: Response to output, text": async () =>
      (
        await operation.deserialize(
          new Response(answer, { status: 200, headers: answerHeaders }),
          {},
        )
      ).Body.transformToString(),
    "whole invoke: client.send, text": async () =>
      (await client.send(new InvokeEndpointCommand(input))).Body.transformToString(),
  };
  if (!subtle) return { pipeline, alternatives: {} };
  const subtleKey = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const alternatives = {
    "crypto.subtle HMAC of the string to sign, importKey + sign": async () =>
      subtle.sign(
        "HMAC",
        await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
        stringToSign,
      ),
    "crypto.subtle HMAC of the string to sign, key imported once": () =>
      subtle.sign("HMAC", subtleKey, stringToSign),
    "signing key derivation, 4 HMACs (cached per day)": () =>
      [day, region, "sagemaker", "aws4_request"].reduce(
        (k, part) => hmacSha256(k, encoder.encode(part)),
        encoder.encode(`AWS4${credentials.secretAccessKey}`),
      ),
  };
  // The payload digest by size, on each hasher: where crypto.subtle starts to win.
  for (const [label, bytes] of Object.entries(PAYLOADS)) {
    alternatives[`payload SHA-256, ${label}: JavaScript`] = () => sha256(bytes);
    alternatives[`payload SHA-256, ${label}: crypto.subtle.digest`] = () =>
      subtle.digest("SHA-256", bytes);
  }
  // The same choice in a whole invoke, where a digest's trip to another thread (Chromium's
  // WebCrypto thread, Node's pool) costs more than it does alone.
  for (const [label, bytes] of Object.entries(PAYLOADS)) {
    const sendHashedFrom = (from) => async () => {
      setNativeDigestFromBytes(from);
      try {
        const command = new InvokeEndpointCommand({ ...input, Body: bytes });
        return (await client.send(command)).Body.transformToString();
      } finally {
        setNativeDigestFromBytes(undefined);
      }
    };
    alternatives[`whole invoke, ${label} body: payload hashed in JavaScript`] = sendHashedFrom(
      Number.POSITIVE_INFINITY,
    );
    alternatives[`whole invoke, ${label} body: payload hashed by crypto.subtle.digest`] =
      sendHashedFrom(0);
  }
  return { pipeline, alternatives };
}

let made;
const prepared = () => {
  made ??= steps().then(({ pipeline, alternatives }) => ({
    pipeline,
    alternatives,
    clients: invokeClients(),
    noop: { noop: () => undefined },
  }));
  return made;
};

/** The names of the steps, the alternatives and the clients. */
export async function names() {
  const { pipeline, alternatives, clients } = await prepared();
  return {
    pipeline: Object.keys(pipeline),
    alternatives: Object.keys(alternatives),
    clients: Object.keys(clients),
  };
}

/**
 * Runs `name` of `kind` ("pipeline", "alternatives", "clients" or "noop") `n` times in a row
 * and returns the milliseconds it took by this runtime's clock. The clients run with the stub
 * as the global fetch (the AWS SDK's transport takes the global one).
 */
export async function runBatch(kind, name, n) {
  const run = (await prepared())[kind][name];
  return withStubFetch(async () => {
    const start = performance.now();
    for (let i = 0; i < n; i++) await run();
    return performance.now() - start;
  });
}
