// Runs in the node project only. The workerd project's Vitest plugin always turns Node
// compatibility on for its own runner, so it cannot show that core needs none. Here core's
// neutral bundle runs in a plain workerd (miniflare) with no compatibility flags at all: no
// `process`, no `Buffer`, no `node:` modules. It invokes and streams from inside a Worker.
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = decodeURIComponent(new URL("../../", import.meta.url).pathname);
let mf: Miniflare;

/** One PayloadPart event-stream message, framed by hand (CRC-32 and all). */
function frame(text: string): number[] {
  const enc = new TextEncoder();
  const header = (name: string, value: string) => {
    const n = enc.encode(name);
    const v = enc.encode(value);
    return [n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v];
  };
  const headers = [...header(":message-type", "event"), ...header(":event-type", "PayloadPart")];
  const payload = [...enc.encode(text)];
  const total = 16 + headers.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc(out.subarray(0, 8)));
  out.set(headers, 12);
  out.set(payload, 12 + headers.length);
  view.setUint32(total - 4, crc(out.subarray(0, total - 4)));
  return [...out];
}
function crc(bytes: Uint8Array): number {
  let c = -1;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}

beforeAll(async () => {
  const bundle = await build({
    absWorkingDir: packageDir,
    entryPoints: ["src/index.ts"],
    bundle: true,
    platform: "neutral",
    mainFields: [],
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const stream = [
    ...frame('data: {"token":{"text":"Hel"}}\n\n'),
    ...frame('data: {"token":{"text":"lo ☕"}}\n\n'),
  ];
  const worker = `
    import { InvokeEndpointCommand, InvokeEndpointWithResponseStreamCommand, readTokens, SageMakerRuntimeClient } from "./core.js";
    const frames = new Uint8Array(${JSON.stringify(stream)});
    export default {
      async fetch() {
        const signed = [];
        const client = new SageMakerRuntimeClient({
          region: "eu-west-1",
          credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
          fetch: async (input, init) => {
            const request = new Request(input, init);
            signed.push(request.headers.get("authorization"));
            if (request.url.endsWith("/invocations")) return new Response("pong", { headers: { "content-type": "text/plain" } });
            // A body in 5-byte chunks, to be decoded as it comes.
            const body = new ReadableStream({
              start(controller) {
                for (let i = 0; i < frames.length; i += 5) controller.enqueue(frames.slice(i, i + 5));
                controller.close();
              },
            });
            return new Response(body, { headers: { "content-type": "application/vnd.amazon.eventstream" } });
          },
        });
        const invoked = await client.send(new InvokeEndpointCommand({ EndpointName: "ping", Body: "ping" }));
        const streamed = await client.send(new InvokeEndpointWithResponseStreamCommand({ EndpointName: "chat", Body: "{}" }));
        let tokens = "";
        for await (const token of readTokens(streamed.Body)) tokens += token;
        return Response.json({
          invoked: invoked.Body.transformToString(),
          tokens,
          signed,
          nodeGlobals: [typeof process, typeof Buffer, typeof require],
        });
      },
    };`;
  mf = new Miniflare({
    modules: [
      { type: "ESModule", path: "worker.js", contents: worker },
      { type: "ESModule", path: "core.js", contents: bundle.outputFiles?.[0]?.text ?? "" },
    ],
    compatibilityDate: "2026-08-01",
    compatibilityFlags: [],
  });
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
});

describe("core in plain workerd, without Node compatibility", () => {
  it("invokes and streams from a Worker", async () => {
    const response = await mf.dispatchFetch("http://localhost/");
    const result = (await response.json()) as {
      invoked: string;
      tokens: string;
      signed: string[];
      nodeGlobals: string[];
    };
    expect(result.nodeGlobals).toEqual(["undefined", "undefined", "undefined"]);
    expect(result.invoked).toBe("pong");
    expect(result.tokens).toBe("Hello ☕");
    expect(result.signed).toHaveLength(2);
    for (const authorization of result.signed) {
      expect(authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/sagemaker\/aws4_request, /,
      );
    }
  });
});
