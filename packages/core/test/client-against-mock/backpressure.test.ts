import { describe, expect, it } from "vitest";
import { InvokeEndpointWithResponseStreamCommand, SageMakerRuntimeClient } from "../../src/index";
import { payloadPartFrame } from "../harness/eventStreamFrame";

describe("response stream backpressure (client side)", () => {
  it("reads from the network only as fast as the caller consumes, one chunk at a time", async () => {
    let pulls = 0;
    const part = payloadPartFrame(new Uint8Array(1024).fill(120));
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          if (pulls > 10_000) controller.close();
          else controller.enqueue(part.slice());
        },
      },
      { highWaterMark: 0 },
    );
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" },
      fetch: async () => new Response(body, { status: 200 }),
    });
    const out = await client.send(
      new InvokeEndpointWithResponseStreamCommand({ EndpointName: "e", Body: "{}" }),
    );
    const iterator = out.Body[Symbol.asyncIterator]();
    for (let i = 0; i < 5; i++) await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Five parts read: five chunks pulled (plus at most the one the runtime asks ahead).
    expect(pulls).toBeLessThanOrEqual(6);
    await iterator.return?.();
  });
});

describe("response stream cancellation (client side)", () => {
  function answerWith(chunks: Uint8Array[]) {
    const state = { cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        // else: the model is thinking; nothing more for now
      },
      cancel() {
        state.cancelled = true;
      },
    });
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" },
      fetch: async () => new Response(body, { status: 200 }),
    });
    return { client, state };
  }
  const command = () =>
    new InvokeEndpointWithResponseStreamCommand({ EndpointName: "e", Body: "{}" });

  it("aborting cancels the request even when nobody iterates the stream", async () => {
    const { client, state } = answerWith([payloadPartFrame("first")]);
    const controller = new AbortController();
    await client.send(command(), { abortSignal: controller.signal });
    controller.abort();
    expect(state.cancelled).toBe(true);
  });

  it("after an abort no more parts come out, even ones already decoded", async () => {
    const three = new Uint8Array([
      ...payloadPartFrame("a"),
      ...payloadPartFrame("b"),
      ...payloadPartFrame("c"),
    ]);
    const { client, state } = answerWith([three]);
    const controller = new AbortController();
    const out = await client.send(command(), { abortSignal: controller.signal });
    const iterator = out.Body[Symbol.asyncIterator]();
    expect(new TextDecoder().decode((await iterator.next()).value?.PayloadPart.Bytes)).toBe("a");
    controller.abort();
    await expect(iterator.next()).rejects.toMatchObject({
      name: "AbortError",
      $metadata: { httpStatusCode: 200 },
    });
    expect(state.cancelled).toBe(true);
  });
});
