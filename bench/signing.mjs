// Signing a 6 MiB body (the largest InvokeEndpoint accepts), signer against signer: the same
// request signed by sagefetch's signer, by @smithy/signature-v4 with the hasher the AWS SDK
// gives it in browsers (@smithy/core/checksum's Sha256WebCrypto, crypto.subtle) and in Node
// (Sha256Node, node:crypto), and by aws4fetch (crypto.subtle). sagefetch's signer is internal
// (not exported): it is bundled from packages/core/src/signing for this measurement.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Sha256Node, Sha256WebCrypto } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsClient } from "aws4fetch";
import { build } from "esbuild";
import { isMain, summarize } from "./lib/stats.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const BODY_BYTES = 6 * 1024 * 1024;
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
const url = new URL("https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/big/invocations");

async function loadSagefetchSigner() {
  const outfile = join(here, ".out", "signing", "sagefetch-sign.mjs");
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(here, "..", "packages", "core", "src", "signing", "signRequest.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    outfile,
    logLevel: "error",
  });
  return (await import(`${pathToFileURL(outfile).href}?${Date.now()}`)).signRequest;
}

export async function signers() {
  const signRequest = await loadSagefetchSigner();
  const smithy = (sha256) =>
    new SignatureV4({ service: "sagemaker", region: "us-east-1", credentials, sha256 });
  const smithyRequest = (body) => ({
    method: "POST",
    protocol: "https:",
    hostname: url.hostname,
    path: url.pathname,
    query: {},
    headers: { host: url.hostname, "content-type": "application/json" },
    body,
  });
  const browserSdk = smithy(Sha256WebCrypto);
  const nodeSdk = smithy(Sha256Node);
  const aws4 = new AwsClient({ ...credentials, service: "sagemaker", region: "us-east-1" });
  return {
    sagefetch: (body) =>
      signRequest("POST", url, { "content-type": "application/json" }, body, {
        credentials,
        region: "us-east-1",
        service: "sagemaker",
        date: new Date(),
      }),
    "@smithy/signature-v4 + Sha256WebCrypto (the AWS SDK in browsers)": (body) =>
      browserSdk.sign(smithyRequest(body)),
    aws4fetch: (body) =>
      aws4.sign(url.href, {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      }),
    "@smithy/signature-v4 + Sha256Node (the AWS SDK in Node)": (body) =>
      nodeSdk.sign(smithyRequest(body)),
  };
}

export async function measureSigning({ rounds = 31 } = {}) {
  const body = new Uint8Array(BODY_BYTES);
  for (let i = 0; i < body.length; i += 65536) crypto.getRandomValues(body.subarray(i, i + 65536));
  const all = await signers();
  for (const sign of Object.values(all)) for (let i = 0; i < 3; i++) await sign(body); // warm up
  const samples = Object.fromEntries(Object.keys(all).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, sign] of Object.entries(all)) {
      const start = performance.now();
      await sign(body);
      samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, ms]) => [name, summarize(ms)]));
}

if (isMain(import.meta.url)) {
  for (const [name, r] of Object.entries(await measureSigning())) {
    console.log(`${name}: ${r.median.toFixed(2)} ms (${r.min.toFixed(2)}–${r.max.toFixed(2)})`);
  }
}
