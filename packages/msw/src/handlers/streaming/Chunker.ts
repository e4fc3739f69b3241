import { concatBytes } from "../../internal/bytes";
import type { MessageKind } from "./eventMessages";
import type { Chunking } from "./StreamSettings";

/** A network chunk, and the messages whose last byte it carries. */
export interface NetworkChunk {
  bytes: Uint8Array;
  completed: MessageKind[];
}

/** Cuts a sequence of encoded messages into network chunks, as `Chunking` says. */
export class Chunker {
  readonly #sizes: readonly number[] | undefined;
  readonly #mode: "whole" | "coalesce" | "sizes";
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #next = 0;
  /** Absolute offsets: where each message ends, bytes received, bytes cut into chunks. */
  #ends: { at: number; kind: MessageKind }[] = [];
  #received = 0;
  #sent = 0;

  constructor(chunking: Chunking) {
    if (chunking === "whole" || chunking === "coalesce") {
      this.#mode = chunking;
    } else {
      this.#mode = "sizes";
      this.#sizes = chunking === "byte" ? [1] : chunking;
    }
  }

  /** Adds a message's bytes (`kind` undefined: bytes that never complete a message). */
  *push(bytes: Uint8Array, kind?: MessageKind): Generator<NetworkChunk> {
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    this.#received += bytes.length;
    if (kind !== undefined) this.#ends.push({ at: this.#received, kind });
    if (this.#mode === "whole") yield* this.flush();
    if (this.#mode !== "sizes") return;
    for (;;) {
      const size = this.#sizes?.[this.#next % this.#sizes.length] ?? 1;
      if (this.#pendingBytes < size) return;
      this.#next++;
      yield this.#take(size);
    }
  }

  /** What is left, as one chunk (the stream has ended, or is about to fail). */
  *flush(): Generator<NetworkChunk> {
    if (this.#pendingBytes > 0) yield this.#take(this.#pendingBytes);
  }

  #take(size: number): NetworkChunk {
    const all = this.#pending.length === 1 ? this.#pending[0] : concatBytes(this.#pending);
    const bytes = all?.subarray(0, size) ?? new Uint8Array();
    const rest = all?.subarray(size);
    this.#pending = rest !== undefined && rest.length > 0 ? [rest] : [];
    this.#pendingBytes -= size;
    this.#sent += size;
    const completed: MessageKind[] = [];
    while (this.#ends[0] !== undefined && this.#ends[0].at <= this.#sent) {
      completed.push(this.#ends[0].kind);
      this.#ends.shift();
    }
    return { bytes, completed };
  }
}
