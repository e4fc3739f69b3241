/**
 * How the encoded messages of a streamed answer are cut into network chunks:
 * - `"whole"`: one chunk per message (the default);
 * - `"byte"`: one byte per chunk;
 * - `"coalesce"`: every message in a single chunk, sent when the model's stream has ended;
 * - a list of sizes, cycled through: chunks of exactly those sizes (the last may be shorter),
 *   cut wherever they fall, so messages split across chunks and chunks hold several messages.
 */
export type Chunking = "whole" | "byte" | "coalesce" | readonly number[];

export interface StreamOptions {
  /** Default: `"whole"`. */
  chunking?: Chunking;
  /** Wait this long before each network chunk but the first. Default: 0. */
  delayMs?: number;
}

/** The mock's current stream settings (`mock.stream`); `reset()` restores the options'. */
export class StreamSettings {
  #defaults: Required<StreamOptions>;
  #chunking: Chunking;
  #delayMs: number;

  constructor(options: StreamOptions = {}) {
    this.#defaults = { chunking: "whole", delayMs: 0 };
    this.#chunking = this.#defaults.chunking;
    this.#delayMs = 0;
    this.set(options);
    this.#defaults = { chunking: this.#chunking, delayMs: this.#delayMs };
  }

  get chunking(): Chunking {
    return this.#chunking;
  }

  set chunking(value: Chunking) {
    if (Array.isArray(value)) {
      if (value.length === 0 || !value.every((n) => Number.isInteger(n) && n > 0)) {
        throw new RangeError("Chunk sizes must be a non-empty list of positive integers");
      }
      this.#chunking = [...value];
    } else if (value === "whole" || value === "byte" || value === "coalesce") {
      this.#chunking = value;
    } else {
      throw new RangeError(`Unknown chunking: ${String(value)}`);
    }
  }

  get delayMs(): number {
    return this.#delayMs;
  }

  set delayMs(value: number) {
    if (!(value >= 0)) throw new RangeError("delayMs must be 0 or more");
    this.#delayMs = value;
  }

  /** Changes some settings; chainable. */
  set(options: StreamOptions): this {
    if (options.chunking !== undefined) this.chunking = options.chunking;
    if (options.delayMs !== undefined) this.delayMs = options.delayMs;
    return this;
  }

  /** Back to the settings the mock was made with. */
  reset(): void {
    this.#chunking = this.#defaults.chunking;
    this.#delayMs = this.#defaults.delayMs;
  }
}
