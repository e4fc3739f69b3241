// Runs in the node project only. The workerd project's Vitest plugin always turns Node
// compatibility on for its own runner, so it cannot show that core needs none. Here core's
// neutral bundle runs in a plain workerd (miniflare) with no compatibility flags at all: no
// `process`, no `Buffer`, no `node:` modules. It invokes and streams from inside a Worker.
import { bundleNeutral } from "@sagefetch/testing/neutralBundle";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadPartFrame } from "../harness/eventStreamFrame";

const packageDir = decodeURIComponent(new URL("../../", import.meta.url).pathname);
let mf: Miniflare;

beforeAll(async () => {
  const bundle = await bundleNeutral(packageDir, "src/index.ts");
  const stream = [
    ...payloadPartFrame('data: {"token":{"text":"Hel"}}\n\n'),
    ...payloadPartFrame('data: {"token":{"text":"lo ☕"}}\n\n'),
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
      { type: "ESModule", path: "core.js", contents: bundle.code },
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
