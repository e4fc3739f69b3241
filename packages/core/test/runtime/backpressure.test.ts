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
