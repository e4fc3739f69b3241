import { crc32 } from "./crc32";
import { decodeHeaders, type HeaderValue } from "./decodeHeaders";
import { EventStreamError } from "./EventStreamError";

/** One event-stream message. */
export interface EventStreamMessage {
  headers: Record<string, HeaderValue>;
  payload: Uint8Array;
}

const PRELUDE = 12;
/**
 * The largest message we will hold while it arrives: the spec's own limits (24 MiB payload,
 * 128 KiB headers) with room to spare. Not a validation (the spec leaves that to services):
 * a bound, so that a corrupt length can never make us buffer without end.
 */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

/**
 * Decodes AWS event-stream framing incrementally: feed it network chunks as they come, cut
 * anywhere, and it returns the messages each chunk completes, checksums verified. It keeps
 * only the bytes of the message in progress, as the chunks that hold them (no copying until a
 * message is whole).
 *
 * Why our own (see decisions/0003-event-stream-decoder.md): `@smithy/eventstream-codec` needs
 * the AWS SDK's serde stack around it to be incremental, and costs several times the bytes.
 */
export class EventStreamDecoder {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private failure: EventStreamError | undefined;

  /**
   * Adds a chunk; returns the messages it completed, in order. When the chunk also holds
   * corrupt bytes, the good messages before them are returned first and the error is thrown
   * by the next call (`push` or `end`): nothing that arrived intact is lost.
   */
  push(chunk: Uint8Array): EventStreamMessage[] {
    if (this.failure) throw this.failure;
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const messages: EventStreamMessage[] = [];
    try {
      this.decodeInto(messages);
    } catch (error) {
      if (messages.length === 0) throw error;
      this.failure = error as EventStreamError;
    }
    return messages;
  }

  /** Whether corrupt bytes were met: the next `push` or `end` throws their error. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** The stream ended: it must not end inside a message. */
  end(): void {
    if (this.failure) throw this.failure;
    if (this.buffered > 0) {
      throw new EventStreamError({
        fault: "truncated",
        message: `The response stream ended inside a message (${this.buffered} bytes left over).`,
      });
    }
  }

  private decodeInto(messages: EventStreamMessage[]): void {
    while (this.buffered >= PRELUDE) {
      const head = this.peek(PRELUDE);
      const prelude = new DataView(head.buffer, head.byteOffset, PRELUDE);
      const total = prelude.getUint32(0);
      const headersLength = prelude.getUint32(4);
      if (prelude.getUint32(8) !== crc32(head.subarray(0, 8))) {
        throw new EventStreamError({
          fault: "prelude-checksum",
          message: "Event-stream prelude checksum mismatch: the stream is corrupt.",
        });
      }
      if (total < PRELUDE + 4 || headersLength > total - PRELUDE - 4 || total > MAX_MESSAGE_BYTES) {
        throw new EventStreamError({
          fault: "length",
          message: `Event-stream message length ${total} is impossible or too large.`,
        });
      }
      if (this.buffered < total) break;
      messages.push(decodeMessage(this.take(total), headersLength));
    }
  }

  /** The first `n` buffered bytes, joined if they span chunks (n ≤ buffered); may be a view. */
  private peek(n: number): Uint8Array {
    const first = this.chunks[0] as Uint8Array;
    if (first.length >= n) return first.subarray(0, n);
    const out = new Uint8Array(n);
    let at = 0;
    for (const chunk of this.chunks) {
      const part = chunk.subarray(0, n - at);
      out.set(part, at);
      at += part.length;
      if (at === n) break;
    }
    return out;
  }

  /**
   * Removes and returns the first `n` buffered bytes as one array of their own (a copy, so a
   * part the caller keeps does not hold the whole network chunk in memory).
   */
  private take(n: number): Uint8Array {
    const first = this.chunks[0] as Uint8Array;
    const out = first.length >= n ? first.slice(0, n) : this.peek(n);
    // Drop the chunks used up in one splice (one shift per chunk would make a message that
    // came in many small chunks cost their number squared).
    let used = 0;
    let left = n;
    while (left > 0 && (this.chunks[used] as Uint8Array).length <= left) {
      left -= (this.chunks[used] as Uint8Array).length;
      used++;
    }
    this.chunks.splice(0, used);
    if (left > 0) this.chunks[0] = (this.chunks[0] as Uint8Array).subarray(left);
    this.buffered -= n;
    return out;
  }
}

function decodeMessage(message: Uint8Array, headersLength: number): EventStreamMessage {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const end = message.length - 4;
  if (view.getUint32(end) !== crc32(message.subarray(0, end))) {
    throw new EventStreamError({
      fault: "message-checksum",
      message: "Event-stream message checksum mismatch: the stream is corrupt.",
    });
  }
  return {
    headers: decodeHeaders(view, PRELUDE, PRELUDE + headersLength),
    payload: message.subarray(PRELUDE + headersLength, end),
  };
}
