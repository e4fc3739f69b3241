import { HttpResponse } from "msw";
import { serviceHeaders } from "../../internal/awsResponse";
import { utf8 } from "../../internal/bytes";
import { checkInteger, checkString } from "../../internal/validationMessage";
import type { AsyncInvocation } from "../async/AsyncResults";
import { asyncLocations } from "./asyncLocations";
import type { OperationContext } from "./context";
import { modelRequest } from "./prepareCall";
import { resolveTarget } from "./resolveTarget";
import { runAsync } from "./runAsync";

/** Inline async payload limit: 128,000 bytes. */
export const MAX_ASYNC_INLINE_BYTES = 128_000;
const INPUT_LOCATION = /^(https|s3):\/\/([^/]+)\/?(.*)$/;
const DEFAULT_INVOCATION_TIMEOUT_SECONDS = 900;

/**
 * `POST /endpoints/{EndpointName}/async-invocations`: 202 `{"InferenceId"}` with the output and
 * failure locations; the model runs afterwards, and `mock.asyncResults` says how it went.
 */
export async function invokeEndpointAsync(context: OperationContext): Promise<Response> {
  const { body, headers, answer, config, mock, region } = context;
  const header = (name: string) => headers[`x-amzn-sagemaker-${name}`];
  const inputLocation = header("inputlocation");
  const timeout = header("invocationtimeoutseconds");
  const target = resolveTarget(context, {
    maxBodyBytes: MAX_ASYNC_INLINE_BYTES,
    targetVariant: false,
    failures: [
      checkString(inputLocation, "inputLocation", {
        min: 1,
        max: 1024,
        pattern: INPUT_LOCATION,
        patternText: "^(https|s3)://([^/]+)/?(.*)$",
      }),
      checkInteger(header("requestttlseconds"), "requestTTLSeconds", 60, 21600),
      checkInteger(timeout, "invocationTimeoutSeconds", 1, 3600),
    ],
    inputError:
      inputLocation !== undefined && body.length > 0
        ? "InputLocation and Body are mutually exclusive: provide exactly one of them."
        : inputLocation === undefined && body.length === 0
          ? "Either InputLocation or Body must be provided."
          : undefined,
  });
  if (target instanceof Response) return target;
  const request = modelRequest(context, target, {
    body: inputLocation === undefined ? body : utf8(inputLocation),
    contentType: header("content-type"),
    accept: header("accept"),
    ...(inputLocation === undefined ? {} : { inputLocation }),
  });
  const inferenceId = header("inference-id") ?? crypto.randomUUID();
  const locations = asyncLocations({
    region,
    accountId: config.accountId,
    endpointName: target.name,
    inferenceId,
    extension: header("s3outputpathextension"),
    filename: header("filename"),
  });
  const invocation: AsyncInvocation = {
    inferenceId,
    endpointName: target.name,
    status: "pending",
    request,
    ...locations,
  };
  const seconds = timeout === undefined ? DEFAULT_INVOCATION_TIMEOUT_SECONDS : Number(timeout);
  mock.asyncResults.add(invocation, runAsync(invocation, target.endpoint.model, seconds));
  const response = serviceHeaders(answer);
  response.set("Content-Type", "application/json");
  response.set("X-Amzn-SageMaker-OutputLocation", locations.outputLocation);
  response.set("X-Amzn-SageMaker-FailureLocation", locations.failureLocation);
  return new HttpResponse(JSON.stringify({ InferenceId: inferenceId }), {
    status: 202,
    headers: response,
  });
}
