import { SageMakerRuntimeServiceException } from "../errors/SageMakerRuntimeServiceException";
import { EventStreamReader } from "../eventstream/EventStreamReader";
import { type ResponseStreamEvent, toStreamEvent } from "../eventstream/toStreamEvent";
import { metadataOf } from "../http/metadataOf";
import { type BodyInput, toBodyBytes } from "../http/toBodyBytes";
import { EXISTING_SESSION_RULE, FIELD_RULES } from "../protocol/fields";
import { INVOKE_STREAM_REQUEST, INVOKE_STREAM_RESPONSE } from "../protocol/headers";
import { OPERATION_PATHS } from "../protocol/operations";
import { checkField } from "../validate/validateFields";
import { fromHeaders, toHeaders, validateHeaderFields } from "./headerFields";
import { Command, type MetadataBearer, type Operation } from "./Operation";

/** Input of InvokeEndpointWithResponseStream; the same fields as the AWS SDK's. */
export interface InvokeEndpointWithResponseStreamCommandInput {
  EndpointName: string | undefined;
  /** The input to the model, at most 6 MiB. */
  Body: BodyInput | undefined;
  ContentType?: string;
  /** MIME type wanted back (sent as `X-Amzn-SageMaker-Accept`). */
  Accept?: string;
  CustomAttributes?: string;
  TargetVariant?: string;
  TargetContainerHostname?: string;
  InferenceId?: string;
  InferenceComponentName?: string;
  /** The id of an open stateful session (`NEW_SESSION` is for InvokeEndpoint). */
  SessionId?: string;
  PrefixAwareId?: string;
}

/** Output of InvokeEndpointWithResponseStream. */
export interface InvokeEndpointWithResponseStreamCommandOutput extends MetadataBearer {
  /**
   * The parts, as they arrive. Breaking out of the loop, or the call's `abortSignal`, cancels
   * the request; a `ModelStreamError` or `InternalStreamFailure` is thrown from the loop.
   */
  Body: AsyncIterable<ResponseStreamEvent>;
  /** MIME type of the parts (from `X-Amzn-SageMaker-Content-Type`). */
  ContentType?: string;
  InvokedProductionVariant?: string;
  CustomAttributes?: string;
}

const OPERATION = "InvokeEndpointWithResponseStream" as const;
const RULES = /* @__PURE__ */ Object.assign({}, FIELD_RULES, { SessionId: EXISTING_SESSION_RULE });

type Output = InvokeEndpointWithResponseStreamCommandOutput;

const invokeEndpointWithResponseStream: Operation<
  InvokeEndpointWithResponseStreamCommandInput,
  Output
> = {
  name: OPERATION,
  async serialize(input) {
    checkField(OPERATION, "EndpointName", input?.EndpointName, FIELD_RULES.EndpointName, true);
    validateHeaderFields(OPERATION, input, INVOKE_STREAM_REQUEST, RULES);
    const headers = toHeaders(input, INVOKE_STREAM_REQUEST);
    headers["content-type"] ??= "application/octet-stream";
    const body = await toBodyBytes(OPERATION, input.Body, true);
    const name = input.EndpointName as string;
    return {
      path: `/endpoints/${name}/${OPERATION_PATHS[OPERATION]}`,
      headers,
      body,
      endpointName: name,
    };
  },
  async deserialize(response, { callerSignal, requestTimeout, describe }) {
    const $metadata = metadataOf(response);
    // Some runtimes give a null body for an empty answer: that is an empty stream.
    const reader = new EventStreamReader(response.body ?? new ReadableStream(), {
      signal: callerSignal,
      idleTimeoutMs: requestTimeout,
      describe,
    });
    // Read up to the first part before answering, inside the attempt: a failure before any
    // part reached the caller is retried like any call; after that, never.
    let first: ResponseStreamEvent | undefined;
    let failure: unknown;
    try {
      for (let message = await reader.next(); message && !first; ) {
        first = toStreamEvent(message, $metadata);
        if (!first) message = await reader.next();
      }
    } catch (error) {
      // A typed error the service put in the stream is the caller's to meet in the loop; a
      // transport or framing failure is thrown on, to be retried where that is allowed.
      if (!SageMakerRuntimeServiceException.isInstance(error)) {
        reader.cancel(error);
        if (error && typeof error === "object") Object.assign(error, { $metadata });
        throw error;
      }
      failure = error;
    }
    return {
      Body: parts(reader, first, failure, $metadata),
      ...fromHeaders(response.headers, INVOKE_STREAM_RESPONSE),
    };
  },
};

async function* parts(
  reader: EventStreamReader,
  first: ResponseStreamEvent | undefined,
  failure: unknown,
  $metadata: Output["$metadata"],
): AsyncGenerator<ResponseStreamEvent, void, undefined> {
  try {
    if (failure) throw failure;
    if (first) yield first;
    for (let message = await reader.next(); message; message = await reader.next()) {
      const event = toStreamEvent(message, $metadata);
      if (event) yield event;
    }
  } catch (error) {
    // Framing, abort and stall errors say which answer they ended, as service errors do.
    if (error && typeof error === "object" && !SageMakerRuntimeServiceException.isInstance(error)) {
      const own = (error as { $metadata?: object }).$metadata;
      Object.assign(error, { $metadata: { ...$metadata, ...own } });
    }
    throw error;
  } finally {
    // A `break`, a `return()` or an error: cancel the request rather than leave it open.
    reader.cancel();
  }
}

/** Gets an inference as a stream of parts, as the model produces them. */
export class InvokeEndpointWithResponseStreamCommand extends Command<
  InvokeEndpointWithResponseStreamCommandInput,
  InvokeEndpointWithResponseStreamCommandOutput
> {
  readonly operation: Operation<InvokeEndpointWithResponseStreamCommandInput, Output> =
    invokeEndpointWithResponseStream;
}
