import { describe, expect, it } from "vitest";
import { InvokeEndpointWithResponseStreamCommand, SageMakerRuntimeClient } from "../../src/index";

// A hand-made event-stream message (headers :message-type, :event-type), as the service frames it.
function frame(payload: Uint8Array): Uint8Array {
  const enc = new TextEncoder();
  const header = (name: string, value: string) => {
    const n = enc.encode(name);
    const v = enc.encode(value);
    return Uint8Array.of(n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v);
  };
  const headers = Uint8Array.of(
    ...header(":message-type", "event"),
    ...header(":event-type", "PayloadPart"),
  );
  const total = 16 + headers.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc(out.subarray(0, 8)));
  out.set(headers, 12);
  out.set(payload, 12 + headers.length);
  view.setUint32(total - 4, crc(out.subarray(0, total - 4)));
  return out;
}
function crc(bytes: Uint8Array): number {
  let c = -1;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}

describe("response stream backpressure (client side)", () => {
  it("reads from the network only as fast as the caller consumes, one chunk at a time", async () => {
    let pulls = 0;
    const part = frame(new Uint8Array(1024).fill(120));
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
