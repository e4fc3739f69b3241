import { type BodyInput, toBodyBytes } from "../http/toBodyBytes";
import { FIELD_RULES, type FieldRule } from "../validate/rules";
import { checkField, checkInteger, invalid } from "../validate/validateFields";
import { headerBindings, readHeaders } from "./headerBindings";
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

const OPERATION = "InvokeEndpointAsync";
const LOCATION: FieldRule = { min: 1, max: 1024, pattern: /^(https|s3):\/\/([^/]+)\/?(.*)$/ };
const PATH_PART: FieldRule = { min: 1, max: 1024 };
const RULES = /* @__PURE__ */ Object.assign({}, FIELD_RULES, {
  InputLocation: LOCATION,
  S3OutputPathExtension: PATH_PART,
  Filename: PATH_PART,
});

const REQUEST_HEADERS = {
  ContentType: "x-amzn-sagemaker-content-type",
  Accept: "x-amzn-sagemaker-accept",
  CustomAttributes: "x-amzn-sagemaker-custom-attributes",
  InferenceId: "x-amzn-sagemaker-inference-id",
  InputLocation: "x-amzn-sagemaker-inputlocation",
  S3OutputPathExtension: "x-amzn-sagemaker-s3outputpathextension",
  Filename: "x-amzn-sagemaker-filename",
} as const;

const RESPONSE_HEADERS = {
  OutputLocation: "x-amzn-sagemaker-outputlocation",
  FailureLocation: "x-amzn-sagemaker-failurelocation",
} as const;

const invokeEndpointAsync: Operation<
  InvokeEndpointAsyncCommandInput,
  InvokeEndpointAsyncCommandOutput
> = {
  name: OPERATION,
  async serialize(input) {
    checkField(OPERATION, "EndpointName", input?.EndpointName, FIELD_RULES.EndpointName, true);
    const headers = headerBindings(OPERATION, input, REQUEST_HEADERS, RULES);
    checkInteger(OPERATION, "RequestTTLSeconds", input.RequestTTLSeconds, 60, 21600);
    checkInteger(OPERATION, "InvocationTimeoutSeconds", input.InvocationTimeoutSeconds, 1, 3600);
    if (input.RequestTTLSeconds != null)
      headers["x-amzn-sagemaker-requestttlseconds"] = String(input.RequestTTLSeconds);
    if (input.InvocationTimeoutSeconds != null) {
      headers["x-amzn-sagemaker-invocationtimeoutseconds"] = String(input.InvocationTimeoutSeconds);
    }
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
    return { path: `/endpoints/${name}/async-invocations`, headers, body, endpointName: name };
  },
  async deserialize(response) {
    const text = await response.text();
    let InferenceId: string | undefined;
    try {
      InferenceId = (JSON.parse(text) as { InferenceId?: string }).InferenceId;
    } catch {
      // An empty or non-JSON 202 has no id to give.
    }
    return { InferenceId, ...readHeaders(response.headers, RESPONSE_HEADERS) };
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
