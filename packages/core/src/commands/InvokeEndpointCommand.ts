import type { BodyInput } from "../http/toBodyBytes";
import { toBodyBytes } from "../http/toBodyBytes";
import { Uint8ArrayBlobAdapter } from "../http/Uint8ArrayBlobAdapter";
import { FIELD_RULES } from "../protocol/fields";
import { INVOKE_ENDPOINT_REQUEST, INVOKE_ENDPOINT_RESPONSE } from "../protocol/headers";
import { OPERATION_PATHS } from "../protocol/operations";
import { checkField } from "../validate/validateFields";
import { fromHeaders, toHeaders, validateHeaderFields } from "./headerFields";
import { Command, type MetadataBearer, type Operation } from "./Operation";

/** Input of InvokeEndpoint; the same fields as `@aws-sdk/client-sagemaker-runtime`. */
export interface InvokeEndpointCommandInput {
  /** Name of the endpoint. */
  EndpointName: string | undefined;
  /** The input to the model, at most 6 MiB. */
  Body: BodyInput | undefined;
  /** MIME type of `Body`. */
  ContentType?: string;
  /** MIME type wanted back. */
  Accept?: string;
  /** Opaque data passed to the model (≤ 1024 visible ASCII characters). */
  CustomAttributes?: string;
  /** The model to invoke on a multi-model endpoint. */
  TargetModel?: string;
  /** The production variant to invoke, overriding the endpoint's weights. */
  TargetVariant?: string;
  /** The container to invoke on a multi-container endpoint with direct invocation. */
  TargetContainerHostname?: string;
  /** Added to captured data when data capture is on. */
  InferenceId?: string;
  /** A JMESPath expression overriding `EnableExplanations` of the Clarify explainer. */
  EnableExplanations?: string;
  /** The inference component to invoke. */
  InferenceComponentName?: string;
  /** `NEW_SESSION` to open a stateful session, or the id of an open one. */
  SessionId?: string;
  /** A routing hint for endpoints with prefix-aware routing. */
  PrefixAwareId?: string;
}

/** Output of InvokeEndpoint. */
export interface InvokeEndpointCommandOutput extends MetadataBearer {
  /** The model's answer, with `transformToString()`. */
  Body: Uint8ArrayBlobAdapter;
  ContentType?: string;
  InvokedProductionVariant?: string;
  CustomAttributes?: string;
  /** `<id>; Expires=<UTC time>` when the call opened a stateful session. */
  NewSessionId?: string;
  /** The id of the session the call closed. */
  ClosedSessionId?: string;
}

const OPERATION = "InvokeEndpoint" as const;

const invokeEndpoint: Operation<InvokeEndpointCommandInput, InvokeEndpointCommandOutput> = {
  name: OPERATION,
  async serialize(input) {
    checkField(OPERATION, "EndpointName", input?.EndpointName, FIELD_RULES.EndpointName, true);
    validateHeaderFields(OPERATION, input, INVOKE_ENDPOINT_REQUEST, FIELD_RULES);
    const headers = toHeaders(input, INVOKE_ENDPOINT_REQUEST);
    // The AWS SDK's default for a blob payload; without it fetch would send none for bytes
    // (or text/plain for a string), and the model would see another type.
    headers["content-type"] ??= "application/octet-stream";
    const body = await toBodyBytes(OPERATION, input.Body, true);
    const name = input.EndpointName as string;
    const path = `/endpoints/${name}/${OPERATION_PATHS[OPERATION]}`;
    return { path, headers, body, endpointName: name };
  },
  async deserialize(response) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      Body: Uint8ArrayBlobAdapter.fromBytes(bytes),
      ...fromHeaders(response.headers, INVOKE_ENDPOINT_RESPONSE),
    };
  },
};

/** Gets an inference from a model hosted at a SageMaker endpoint. */
export class InvokeEndpointCommand extends Command<
  InvokeEndpointCommandInput,
  InvokeEndpointCommandOutput
> {
  readonly operation: Operation<InvokeEndpointCommandInput, InvokeEndpointCommandOutput> =
    invokeEndpoint;
}
