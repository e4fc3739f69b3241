import type { IncomingMessage } from "node:http";

/**
 * A Node request's body as a web stream that reads only when pulled: what the relay never
 * reads stays in the socket, and Node discards it once the answer is sent (the connection is
 * kept alive); what it stops reading (a body over 6 MiB) is discarded on cancel. A client
 * that goes away mid-body errors the stream, which the relay answers (nobody is listening).
 */
export function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const chunk: Buffer | null = req.read();
          if (chunk !== null) {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            return;
          }
          if (req.readableEnded) {
            controller.close();
            return;
          }
          if (req.destroyed) {
            controller.error(new Error("The client closed the connection mid-body."));
            return;
          }
          await readable(req);
        }
      },
      cancel() {
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Resolves at the request's next event that may change what `read()` returns. */
function readable(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    const events = ["readable", "end", "error", "close"] as const;
    const done = () => {
      for (const event of events) req.off(event, done);
      resolve();
    };
    for (const event of events) req.on(event, done);
  });
}
