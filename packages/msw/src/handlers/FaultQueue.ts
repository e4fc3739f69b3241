import { SeededRandom } from "../internal/prng";
import type { StreamFault } from "./streamFault";

/** A latency drawn uniformly from `[min, max]` ms for each request. */
export interface LatencyRange {
  min: number;
  max: number;
}

/** An error answer in SageMaker's shape. Without `code`, the code SageMaker uses for the status. */
export interface ErrorFault {
  type?: "error";
  status: number;
  code?: string;
  message?: string;
}

/** Wait, then answer the request normally. */
export interface DelayFault {
  type: "delay";
  ms: number;
}

/** A network error (`HttpResponse.error()`): fetch rejects. */
export interface DropFault {
  type: "drop";
}

/** A proxy's HTML error page: `text/html`, no `x-amzn-*` headers. */
export interface HtmlFault {
  type: "html";
  status: number;
  body?: string;
}

export type Fault = ErrorFault | DelayFault | DropFault | HtmlFault;

/**
 * Faults to inject, consumed one per request, first in first out. A fault answers before
 * signature verification and before the model, as a transport or proxy failure would.
 * Stream faults wait in their own queue for the next streamed answer's body.
 */
export class FaultQueue {
  #queue: Fault[] = [];
  #streamQueue: StreamFault[] = [];
  #latency: number | LatencyRange = 0;
  #random: SeededRandom;

  /** `random` draws ranged latencies (default: the default seed). */
  constructor(random: SeededRandom = new SeededRandom()) {
    this.#random = random;
  }

  push(...faults: Fault[]): this {
    this.#queue.push(...faults);
    return this;
  }

  /** The next `count` requests get 400 ThrottlingException "Rate exceeded". */
  throttle(count = 1): this {
    for (let i = 0; i < count; i++) this.push({ status: 400, code: "ThrottlingException" });
    return this;
  }

  /**
   * One error per status, with SageMaker's code for it: 500 InternalFailure, 503
   * ServiceUnavailable, 429 ModelNotReadyException, 530 InternalDependencyException;
   * others (502, 504, ...) a plain `{"message": ...}` with no code.
   */
  statusSequence(statuses: readonly number[]): this {
    for (const status of statuses) this.push({ status });
    return this;
  }

  /** The next request waits `ms` before it is answered normally. */
  delay(ms: number): this {
    return this.push({ type: "delay", ms });
  }

  /** The next `count` requests fail with a network error. */
  drop(count = 1): this {
    for (let i = 0; i < count; i++) this.push({ type: "drop" });
    return this;
  }

  /** The next request gets a proxy's HTML error page. */
  html(status = 502, body?: string): this {
    return this.push(
      body === undefined ? { type: "html", status } : { type: "html", status, body },
    );
  }

  /** The next streamed answer's body fails after `afterParts` messages (a dropped connection). */
  cutStream(afterParts: number): this {
    return this.#pushStream({ type: "cut", afterParts: count(afterParts) });
  }

  /** The next streamed answer's message `partIndex` (from 0) gets a bad prelude or message CRC. */
  corruptStream(partIndex: number, where: "prelude" | "message" = "message"): this {
    return this.#pushStream({ type: "corrupt", partIndex: count(partIndex), where });
  }

  /** The next streamed answer ends cleanly in the middle of the message after `afterParts`. */
  truncateStream(afterParts: number): this {
    return this.#pushStream({ type: "truncate", afterParts: count(afterParts) });
  }

  #pushStream(fault: StreamFault): this {
    this.#streamQueue.push(fault);
    return this;
  }

  /**
   * Every request waits this long before anything else happens (0 to stop): a fixed `ms`, or
   * `{ min, max }` drawn uniformly per request from the mock's seeded PRNG.
   */
  setLatency(latency: number | LatencyRange): this {
    if (typeof latency === "number") {
      if (!(Number.isFinite(latency) && latency >= 0)) {
        throw new RangeError(`Expected a latency ≥ 0 ms, got ${latency}`);
      }
      this.#latency = latency;
    } else {
      const { min, max } = latency;
      if (!(Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max >= min)) {
        throw new RangeError(`Expected 0 ≤ min ≤ max, got { min: ${min}, max: ${max} }`);
      }
      this.#latency = { min, max };
    }
    return this;
  }

  /** The fixed latency in ms; for a `{ min, max }` range, its `min`. */
  get latencyMs(): number {
    return typeof this.#latency === "number" ? this.#latency : this.#latency.min;
  }

  /** The latency setting as given to `setLatency` (0 when none). */
  get latency(): number | LatencyRange {
    return this.#latency;
  }

  /** The next request's latency in ms (a range draws from the seeded PRNG). */
  nextLatencyMs(): number {
    const latency = this.#latency;
    if (typeof latency === "number") return latency;
    return latency.min + this.#random.next() * (latency.max - latency.min);
  }

  /** Faults still queued, stream faults included. */
  get size(): number {
    return this.#queue.length + this.#streamQueue.length;
  }

  /** Takes the next fault (the handlers call this once per request). */
  next(): Fault | undefined {
    return this.#queue.shift();
  }

  /** Takes the next stream fault (once per streamed answer). */
  nextStreamFault(): StreamFault | undefined {
    return this.#streamQueue.shift();
  }

  /** Empties the queues, sets the latency back to 0 and restarts the latency PRNG. */
  clear(): void {
    this.#queue = [];
    this.#streamQueue = [];
    this.#latency = 0;
    this.#random.reset();
  }
}

function count(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Expected a count, got ${n}`);
  return n;
}
