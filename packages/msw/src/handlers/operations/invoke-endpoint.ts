import { validationError } from "../../internal/aws-response";
import type { ModelOutput } from "../types";
import type { OperationContext } from "./context";
import { modelErrorResponse } from "./model-error-response";
import { createModelRequest } from "./model-request";
import { modelOutputResponse } from "./model-response";

/** Real-time payload limit: 6 MiB. */
export const MAX_PAYLOAD_BYTES: number = 6 * 1024 * 1024;

const ENDPOINT_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;

/** `POST /endpoints/{EndpointName}/invocations`. */
export async function invokeEndpoint(context: OperationContext): Promise<Response> {
  const { config, route, body, headers, answer } = context;
  const name = route.endpointName;
  if (!ENDPOINT_NAME.test(name) || name.length > 63) {
    return validationError(
      answer,
      `1 validation error detected: Value '${name}' at 'endpointName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*`,
    );
  }
  if (body.byteLength > MAX_PAYLOAD_BYTES) {
    return validationError(answer, `Request ${answer.requestId} has oversize body.`);
  }
  const endpoint = config.endpoints.get(name);
  if (endpoint === undefined) {
    return validationError(answer, `Endpoint ${name} of account ${config.accountId} not found.`);
  }
  const targetVariant = headers["x-amzn-sagemaker-target-variant"];
  if (targetVariant !== undefined && !endpoint.variants.includes(targetVariant)) {
    return validationError(
      answer,
      `The variant ${targetVariant} is not found for endpoint ${name} of account ${config.accountId}.`,
    );
  }
  const variant = targetVariant ?? endpoint.variants[0] ?? "AllTraffic";
  let output: ModelOutput;
  try {
    output = await endpoint.model(createModelRequest(name, variant, body, headers));
  } catch (error) {
    return modelErrorResponse(error, context);
  }
  return modelOutputResponse(answer, output, variant);
}
