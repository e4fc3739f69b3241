import { type BodyInput, toBodyBytes } from "../http/toBodyBytes";
import { FIELD_RULES, INTEGER_RANGES } from "../protocol/fields";
import {
  INVOKE_ASYNC_INTEGERS,
  INVOKE_ASYNC_REQUEST,
  INVOKE_ASYNC_RESPONSE,
} from "../protocol/headers";
import { OPERATION_PATHS } from "../protocol/operations";
import { checkField, checkInteger, invalid } from "../validate/validateFields";
import { fromHeaders, toHeaders, validateHeaderFields } from "./headerFields";
import { Command, type MetadataBearer, type Operation } from "./Operation";

/** Input of InvokeEndpointAsync; the same fields as the AWS SDK's. */
export interface InvokeEndpointAsyncCommandInput {
  EndpointName: string | undefined;
  /** MIME type of the input (sent as `X-Amzn-SageMaker-Content-Type`). */
  ContentType?: string;
  Accept?: string;
  CustomAttributes?: string;
  InferenceId?: string;
  /** The `s3://` or `https://` location of the input. Give this or `Body`, not both. */
  InputLocation?: string;
  /** Appended to the endpoint's S3 output path. */
  S3OutputPathExtension?: string;
  /** The file name of the output in S3. */
  Filename?: string;
  /** How long the request may wait in the queue, 60–21600 s. */
  RequestTTLSeconds?: number;
  /** How long the model may work on it, 1–3600 s. */
  InvocationTimeoutSeconds?: number;
  /** The input itself, at most 6 MiB. Give this or `InputLocation`, not both. */
  Body?: BodyInput;
}

/** Output of InvokeEndpointAsync: where the result and any failure will be written. */
export interface InvokeEndpointAsyncCommandOutput extends MetadataBearer {
  InferenceId?: string;
  OutputLocation?: string;
  FailureLocation?: string;
}

const OPERATION = "InvokeEndpointAsync" as const;
const invokeEndpointAsync: Operation<
  InvokeEndpointAsyncCommandInput,
  InvokeEndpointAsyncCommandOutput
> = {
  name: OPERATION,
  async serialize(input) {
    checkField(OPERATION, "EndpointName", input?.EndpointName, FIELD_RULES.EndpointName, true);
    validateHeaderFields(OPERATION, input, INVOKE_ASYNC_REQUEST, FIELD_RULES);
    for (const [field, [min, max]] of Object.entries(INTEGER_RANGES)) {
      checkInteger(
        OPERATION,
        field,
        (input as unknown as Record<string, unknown>)[field],
        min,
        max,
      );
    }
    const headers = toHeaders(input, { ...INVOKE_ASYNC_REQUEST, ...INVOKE_ASYNC_INTEGERS });
    const body = await toBodyBytes(OPERATION, input.Body, false);
    if (body && input.InputLocation != null) {
      invalid(OPERATION, "Body", "exclusive", "and InputLocation cannot both be given");
    }
    if (!body && input.InputLocation == null) {
      invalid(OPERATION, "InputLocation", "required", "or Body is required");
    }
    // The AWS SDK's blob default, sent with or without a body.
    headers["content-type"] = "application/octet-stream";
    const name = input.EndpointName as string;
    const path = `/endpoints/${name}/${OPERATION_PATHS[OPERATION]}`;
    return { path, headers, body, endpointName: name };
  },
  async deserialize(response) {
    const text = await response.text();
    let InferenceId: string | undefined;
    try {
      InferenceId = (JSON.parse(text) as { InferenceId?: string }).InferenceId;
    } catch {
      // An empty or non-JSON 202 has no id to give.
    }
    return { InferenceId, ...fromHeaders(response.headers, INVOKE_ASYNC_RESPONSE) };
  },
};

/** Queues an inference on an asynchronous endpoint; the answer says where the result will be. */
export class InvokeEndpointAsyncCommand extends Command<
  InvokeEndpointAsyncCommandInput,
  InvokeEndpointAsyncCommandOutput
> {
  readonly operation: Operation<InvokeEndpointAsyncCommandInput, InvokeEndpointAsyncCommandOutput> =
    invokeEndpointAsync;
}
