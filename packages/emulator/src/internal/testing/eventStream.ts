// Test-only: reads what the emulator streams with smithy's event-stream codec (the AWS SDK's own),
// which checks both CRCs of every message.
import { EventStreamCodec } from "@smithy/core/event-streams";

export interface DecodedMessage {
  headers: Record<string, { type: string; value: unknown }>;
  payload: Uint8Array;
}

export interface ReadStream {
  messages: DecodedMessage[];
  /** How the body ended, when it did not end cleanly after whole messages. */
  error: Error | undefined;
}

const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

/** Every whole message in `bytes`; throws on a bad CRC, or on bytes left over after them. */
export function decodeMessages(bytes: Uint8Array): DecodedMessage[] {
  const messages: DecodedMessage[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const { message, length } = decodeAt(bytes, offset);
    messages.push(message);
    offset += length;
  }
  return messages;
}

/** Reads a body to its end (or its error) and decodes the whole messages it holds. */
export async function readEventStream(
  body: ReadableStream<Uint8Array> | null,
): Promise<ReadStream> {
  const chunks: Uint8Array[] = [];
  let error: Error | undefined;
  if (body !== null) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
    } catch (cause) {
      error = cause as Error;
    }
  }
  const bytes = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
  const messages: DecodedMessage[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    try {
      const { message, length } = decodeAt(bytes, offset);
      messages.push(message);
      offset += length;
    } catch (cause) {
      return { messages, error: error ?? (cause as Error) };
    }
  }
  return { messages, error };
}

function decodeAt(bytes: Uint8Array, offset: number): { message: DecodedMessage; length: number } {
  if (bytes.length - offset < 16) throw new Error("Truncated message");
  const length = new DataView(bytes.buffer, bytes.byteOffset + offset).getUint32(0);
  if (length < 16 || bytes.length - offset < length) throw new Error("Truncated message");
  const { headers, body } = codec.decode(bytes.subarray(offset, offset + length));
  return { message: { headers, payload: body }, length };
}
