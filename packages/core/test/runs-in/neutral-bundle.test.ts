// Runs in the node project only. The edge project's `edge-runtime` environment lets Node's
// `process` and `Buffer` leak in (and the workerd project's plugin turns Node compatibility on
// for Vitest's runner), so neither proves that core needs no Node API. This does: core is
// bundled for a neutral platform, where nothing outside src/ can be resolved, and the bundle
// runs in @edge-runtime/vm's EdgeVM, a context with web APIs only.
import { EdgeVM } from "@edge-runtime/vm";
import { verifySigV4 } from "@sagefetch/msw/sigv4";
import { bundleNeutral } from "@sagefetch/testing/neutralBundle";
import { beforeAll, describe, expect, it } from "vitest";

// (Paths from URLs by hand: core's tsconfig has no Node types.)
const packageDir = decodeURIComponent(new URL("../../", import.meta.url).pathname);

// Node-only globals that a web runtime lacks. Each free reference is renamed to a marker (a
// local of the same name is left alone), so the bundle text shows any use of them.
const NODE_GLOBALS = [
  "process",
  "Buffer",
  "global",
  "require",
  "module",
  "exports",
  "__dirname",
  "__filename",
  "setImmediate",
  "clearImmediate",
];
const marker = (name: string) => `__node_only_global_${name}__`;

let esm: string;
let iife: string;
let inputs: string[];
let imports: unknown[];

beforeAll(async () => {
  ({
    code: esm,
    inputs,
    imports,
  } = await bundleNeutral(packageDir, "src/index.ts", {
    define: Object.fromEntries(NODE_GLOBALS.map((name) => [name, marker(name)])),
  }));
  const run = await bundleNeutral(packageDir, "src/index.ts", {
    format: "iife",
    globalName: "sagefetch",
  });
  iife = run.code;
}, 30_000);

describe("core bundled for a neutral platform", () => {
  it("imports nothing: no package, no node: module", () => {
    expect(imports).toEqual([]);
    expect(esm).not.toMatch(/^\s*import\s/m);
    expect(esm).not.toMatch(/\bimport\s*\(/);
    expect(esm).not.toMatch(/["'`]node:/);
    // Every module in the bundle is core's own source (paths relative to the package).
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => !input.startsWith("src/"))).toEqual([]);
  });

  it("uses no Node-only global", () => {
    const used = NODE_GLOBALS.filter((name) => esm.includes(marker(name)));
    expect(used).toEqual([]);
  });

  it("runs InvokeEndpoint inside EdgeVM, which has web APIs only", async () => {
    const vm = new EdgeVM();
    // The VM is the sandbox this test relies on: no Node global leaks into it.
    expect(
      vm.evaluate("[typeof process, typeof Buffer, typeof require, typeof EdgeRuntime]"),
    ).toEqual(["undefined", "undefined", "undefined", "string"]);
    vm.evaluate(iife);
    const answer = '[{"label":"POSITIVE","score":0.98}] — héllo ✓ 你好';
    const input = JSON.stringify({ inputs: "I love this ✓ 你好" });
    // Everything below runs in the VM's realm: its fetch, Request, Response, crypto.subtle.
    const json: string = await vm.evaluate(`(async () => {
      const { SageMakerRuntimeClient, InvokeEndpointCommand } = sagefetch;
      const sent = [];
      const client = new SageMakerRuntimeClient({
        region: "us-east-1",
        credentials: {
          accessKeyId: "AKIDEXAMPLE",
          secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        },
        fetch: async (input, init) => {
          const request = new Request(input, init);
          sent.push({
            url: request.url,
            method: request.method,
            headers: [...request.headers],
            body: await request.text(),
          });
          return new Response(${JSON.stringify(answer)}, {
            status: 200,
            headers: {
              "content-type": "application/json",
              "x-amzn-invoked-production-variant": "AllTraffic",
              "x-amzn-requestid": "11111111-2222-3333-4444-555555555555",
            },
          });
        },
      });
      const out = await client.send(new InvokeEndpointCommand({
        EndpointName: "sentiment",
        Body: ${JSON.stringify(input)},
        ContentType: "application/json",
      }));
      return JSON.stringify({
        body: out.Body.transformToString(),
        bodyIsUint8Array: out.Body instanceof Uint8Array,
        contentType: out.ContentType,
        variant: out.InvokedProductionVariant,
        metadata: out.$metadata,
        sent,
      });
    })()`);
    const result = JSON.parse(json);
    expect(result).toMatchObject({
      body: answer,
      bodyIsUint8Array: true,
      contentType: "application/json",
      variant: "AllTraffic",
      metadata: {
        httpStatusCode: 200,
        requestId: "11111111-2222-3333-4444-555555555555",
        attempts: 1,
      },
    });
    expect(result.sent).toHaveLength(1);
    const [sent] = result.sent;
    expect(sent.url).toBe(
      "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/sentiment/invocations",
    );
    expect(sent.method).toBe("POST");
    expect(sent.body).toBe(input);
    const headers = new Map<string, string>(sent.headers);
    expect(headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/sagemaker\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
    );
    // The signature computed in the VM (its crypto.subtle) is the right one.
    const verified = await verifySigV4(
      new Request(sent.url, { method: sent.method, headers: sent.headers, body: sent.body }),
      {
        credentials: {
          AKIDEXAMPLE: { secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
        },
        service: "sagemaker",
        region: "us-east-1",
      },
    );
    expect(verified).toMatchObject({ ok: true, accessKeyId: "AKIDEXAMPLE" });
  });
});
