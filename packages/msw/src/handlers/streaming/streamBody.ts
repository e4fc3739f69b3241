import { sleep } from "../../internal/sleep";
import type { StreamFault } from "../streamFault";
import { Chunker, type NetworkChunk } from "./Chunker";
import type { MessageKind, OutgoingMessage } from "./eventMessages";
import type { Chunking } from "./StreamSettings";

export interface StreamBodyOptions {
  chunking: Chunking;
  delayMs: number;
  fault: StreamFault | undefined;
  /** Called once a message's last byte has been handed to the body's reader. */
  onSent(kind: MessageKind): void;
}

/**
 * The body of a streamed answer: a pull-based stream (high-water mark 0) that asks for the next
 * message only when its reader asks for more, so a slow reader holds the model back.
 */
export function eventStreamBody(
  messages: AsyncIterable<OutgoingMessage>,
  options: StreamBodyOptions,
): ReadableStream<Uint8Array> {
  const chunks = networkChunks(messages, options);
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!first && options.delayMs > 0) await sleep(options.delayMs);
        first = false;
        let next: IteratorResult<NetworkChunk>;
        try {
          next = await chunks.next();
        } catch (error) {
          controller.error(error);
          return;
        }
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(next.value.bytes);
        for (const kind of next.value.completed) options.onSent(kind);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

async function* networkChunks(
  messages: AsyncIterable<OutgoingMessage>,
  { chunking, fault }: StreamBodyOptions,
): AsyncGenerator<NetworkChunk, void, undefined> {
  const chunker = new Chunker(chunking);
  if (fault?.type === "cut" && fault.afterParts === 0) throw connectionCut();
  let index = 0;
  for await (const message of messages) {
    if (fault?.type === "truncate" && index === fault.afterParts) {
      yield* chunker.push(message.bytes.subarray(0, Math.ceil(message.bytes.length / 2)));
      break;
    }
    const corrupt = fault?.type === "corrupt" && index === fault.partIndex;
    yield* chunker.push(
      corrupt ? flipByte(message.bytes, fault.where) : message.bytes,
      message.kind,
    );
    index++;
    if (fault?.type === "cut" && index === fault.afterParts) {
      yield* chunker.flush();
      throw connectionCut();
    }
  }
  yield* chunker.flush();
}

/** A copy with one byte flipped: in the prelude CRC, or in the payload (else the message CRC). */
function flipByte(message: Uint8Array, where: "prelude" | "message"): Uint8Array {
  const bytes = message.slice();
  const view = new DataView(bytes.buffer);
  const payloadLength = bytes.length - 16 - view.getUint32(4);
  const at = where === "prelude" ? 11 : bytes.length - 1 - (payloadLength > 0 ? 4 : 0);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  return bytes;
}

/** What reading the body of a dropped connection gives: fetch's "terminated". */
function connectionCut(): TypeError {
  return new TypeError("terminated", { cause: new Error("other side closed (faults.cutStream)") });
}
