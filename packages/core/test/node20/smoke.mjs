// Runs the BUILT package (dist/, ESM and CJS) on whatever Node runs this file: CI runs it on
// the machine's own Node 20, the oldest we support, while the toolchain itself needs 22+.
// A real HTTP server on loopback verifies every signature with the mock's own verifier.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { verifySigV4 } from "@sagefetch/msw/sigv4";
import * as esm from "../../dist/index.js";

const cjs = createRequire(import.meta.url)("../../dist/index.cjs");
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
let flaky = 0;

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers: Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
    body,
  });
  const verified = await verifySigV4(request, {
    credentials: { [credentials.accessKeyId]: credentials },
    service: "sagemaker",
    region: "us-east-1",
  });
  const reply = (status, headers, payload) => {
    res.writeHead(status, { "x-amzn-requestid": `req-${Date.now()}`, ...headers });
    res.end(payload);
  };
  if (!verified.ok) {
    return reply(
      verified.status,
      { "x-amzn-errortype": verified.code },
      JSON.stringify({ message: verified.message }),
    );
  }
  if (req.url.includes("/broken/")) {
    return reply(
      424,
      { "x-amzn-errortype": "ModelError" },
      JSON.stringify({ Message: "boom", OriginalStatusCode: 500 }),
    );
  }
  if (req.url.includes("/flaky/") && flaky++ === 0) {
    return reply(
      503,
      { "x-amzn-errortype": "ServiceUnavailable" },
      JSON.stringify({ message: "try again" }),
    );
  }
  reply(200, { "content-type": req.headers["content-type"] }, body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${server.address().port}`;

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
  } catch (error) {
    results.push([name, false]);
    console.error(`✗ ${name}:`, error);
  }
}
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};

for (const [label, sdk] of [
  ["ESM", esm],
  ["CJS", cjs],
]) {
  const client = new sdk.SageMakerRuntimeClient({ region: "us-east-1", endpoint, credentials });
  await check(`${label}: InvokeEndpoint, signature verified`, async () => {
    const out = await client.send(
      new sdk.InvokeEndpointCommand({
        EndpointName: "echo",
        Body: '{"x":1}',
        ContentType: "application/json",
      }),
    );
    assert(out.Body.transformToString() === '{"x":1}', "body round trip");
    assert(out.ContentType === "application/json", "content type");
    assert(out.$metadata.httpStatusCode === 200 && out.$metadata.attempts === 1, "metadata");
  });
  await check(`${label}: ModelError is typed`, async () => {
    const error = await client
      .send(new sdk.InvokeEndpointCommand({ EndpointName: "broken", Body: "x" }))
      .catch((e) => e);
    assert(error instanceof sdk.ModelError && error.OriginalStatusCode === 500, `got ${error}`);
  });
  await check(`${label}: a 503 is retried`, async () => {
    flaky = 0;
    const out = await client.send(
      new sdk.InvokeEndpointCommand({ EndpointName: "flaky", Body: "x" }),
    );
    assert(out.$metadata.attempts === 2, `attempts ${out.$metadata.attempts}`);
  });
  await check(`${label}: bad input is a ValidationError`, async () => {
    const error = await client
      .send(new sdk.InvokeEndpointCommand({ EndpointName: "bad name", Body: "x" }))
      .catch((e) => e);
    assert(error instanceof sdk.ValidationError && error.field === "EndpointName", `got ${error}`);
  });
}
server.close();

const passed = results.filter(([, ok]) => ok).length;
const failed = results.length - passed;
console.log(
  `Node ${process.version}: ${results.map(([n, ok]) => `${ok ? "✓" : "✗"} ${n}`).join("\n  ")}`,
);
console.log(`node20-smoke: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
