import type { ModelRequest } from "../modelTypes";

export interface AsyncOutput {
  body: Uint8Array;
  contentType: string;
  customAttributes: string | undefined;
  text(): string;
  json<T = unknown>(): T;
}

/** One InvokeEndpointAsync invocation: what the model got, and how it went. */
export interface AsyncInvocation {
  inferenceId: string;
  endpointName: string;
  status: "pending" | "completed" | "failed";
  /** The request the model was (or will be) called with. */
  request: ModelRequest;
  /** Where SageMaker would write the output / the failure (`s3://...`). */
  outputLocation: string;
  failureLocation: string;
  /** Once completed: what the model answered. */
  output?: AsyncOutput;
  /** Once failed: the status and message the container failed with. */
  error?: { statusCode: number; message: string };
}

/** InvokeEndpointAsync invocations by inference id (`mock.asyncResults`). */
export class AsyncResults {
  #invocations = new Map<string, AsyncInvocation>();
  #settled = new Map<string, Promise<AsyncInvocation>>();

  get(inferenceId: string): AsyncInvocation | undefined {
    return this.#invocations.get(inferenceId);
  }

  has(inferenceId: string): boolean {
    return this.#invocations.has(inferenceId);
  }

  get size(): number {
    return this.#invocations.size;
  }

  /** Every invocation, oldest first. */
  values(): IterableIterator<AsyncInvocation> {
    return this.#invocations.values();
  }

  /** Resolves once the invocation has completed or failed; rejects for an unknown id. */
  settled(inferenceId: string): Promise<AsyncInvocation> {
    const settled = this.#settled.get(inferenceId);
    if (settled === undefined) {
      return Promise.reject(new Error(`No InvokeEndpointAsync invocation ${inferenceId}`));
    }
    return settled;
  }

  /** Records an invocation and when it settles (the handler calls this). */
  add(invocation: AsyncInvocation, settled: Promise<unknown>): void {
    this.#invocations.set(invocation.inferenceId, invocation);
    this.#settled.set(
      invocation.inferenceId,
      settled.then(() => invocation),
    );
  }

  clear(): void {
    this.#invocations.clear();
    this.#settled.clear();
  }
}
