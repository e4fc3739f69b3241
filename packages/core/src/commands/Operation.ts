import type { ResponseMetadata } from "../errors/SageMakerRuntimeServiceException";

/** What a command puts on the wire, before endpoint resolution and signing. */
export interface SerializedRequest {
  /** Path below the endpoint, e.g. `/endpoints/my-endpoint/invocations`. */
  path: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  /** Named in errors and logs. */
  endpointName: string;
}

/** Everything a command adds to the output: `$metadata`, as the AWS SDK's `MetadataBearer`. */
export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

/** What a command's deserializer gets besides the answer. */
export interface DeserializeContext {
  /** Fires when this attempt is aborted or times out. */
  signal: AbortSignal;
  /** The caller's signal, which outlives the attempt (a response stream listens to it). */
  callerSignal: AbortSignal | undefined;
  /** The client's `requestTimeout`, in ms (0: none). */
  requestTimeout: number;
  /** The operation and endpoint, for messages. */
  describe: string;
}

/**
 * One operation of the service as data: how to turn input into a request, and a successful
 * answer into output. The client is the pipeline that runs it.
 */
export interface Operation<Input, Output> {
  readonly name: string;
  /** Validates the input and builds the request; throws `ValidationError` on bad input. */
  serialize(input: Input): Promise<SerializedRequest>;
  /**
   * Builds the output from a 2xx answer. Runs inside the attempt, so `requestTimeout` and
   * the caller's signal cover reading the body too.
   */
  deserialize(response: Response, context: DeserializeContext): Promise<Omit<Output, "$metadata">>;
}

/** Base of the commands: the input, and the operation that knows how to send it. */
export abstract class Command<Input, Output extends MetadataBearer> {
  abstract readonly operation: Operation<Input, Output>;
  readonly input: Input;
  constructor(input: Input) {
    this.input = input;
  }
}
