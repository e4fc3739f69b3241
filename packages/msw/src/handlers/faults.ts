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
 */
export class FaultQueue {
  #queue: Fault[] = [];
  #latencyMs = 0;

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

  /** Every request waits this long before anything else happens (0 to stop). */
  setLatency(ms: number): this {
    this.#latencyMs = ms;
    return this;
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** Faults still queued. */
  get size(): number {
    return this.#queue.length;
  }

  /** Takes the next fault (the handlers call this once per request). */
  next(): Fault | undefined {
    return this.#queue.shift();
  }

  /** Empties the queue and sets the latency back to 0. */
  clear(): void {
    this.#queue = [];
    this.#latencyMs = 0;
  }
}
