import { validationError } from "../../internal/awsResponse";
import { pickWeighted } from "../../internal/prng";
import { checkString, validationErrorsMessage } from "../../internal/validationMessage";
import type { ResolvedEndpoint } from "../config";
import type { OperationContext } from "./context";

/** The endpoint and production variant a request is served by. */
export interface Target {
  name: string;
  endpoint: ResolvedEndpoint;
  variant: string;
}

export interface TargetRules {
  maxBodyBytes: number;
  /** Whether `X-Amzn-SageMaker-Target-Variant` is an input of the operation. */
  targetVariant: boolean;
  /** Whether `X-Amzn-SageMaker-Target-Model` is an input of the operation. */
  targetModel?: boolean;
  /** Whether `X-Amzn-SageMaker-Inference-Component` is an input of the operation. */
  inferenceComponent?: boolean;
  /** Constraint failures of the operation's own headers (see validationMessage.ts). */
  failures?: readonly (string | undefined)[];
  /** A further check of the input, after the constraints: the message to refuse it with. */
  inputError?: string | undefined;
}

const ENDPOINT_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;

/**
 * What every operation checks first, in SageMaker's order: input constraints (endpoint name,
 * headers), body size, that the endpoint exists, and the TargetVariant. A Response is the
 * 400 ValidationError to answer.
 */
export function resolveTarget(context: OperationContext, rules: TargetRules): Target | Response {
  const { config, route, body, headers, answer } = context;
  const name = route.endpointName;
  const nameFailure = checkString(name, "endpointName", {
    max: 63,
    pattern: ENDPOINT_NAME,
    patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9])*",
  });
  const failures = [nameFailure, ...(rules.failures ?? [])].filter((f) => f !== undefined);
  if (failures.length > 0) return validationError(answer, validationErrorsMessage(failures));
  if (rules.inputError !== undefined) return validationError(answer, rules.inputError);
  if (body.byteLength > rules.maxBodyBytes) {
    return validationError(answer, `Request ${answer.requestId} has oversize body.`);
  }
  const endpoint = config.endpoints.get(name);
  if (endpoint === undefined) {
    return validationError(answer, `Endpoint ${name} of account ${config.accountId} not found.`);
  }
  const targetVariant = rules.targetVariant
    ? headers["x-amzn-sagemaker-target-variant"]
    : undefined;
  if (targetVariant !== undefined && !endpoint.variants.includes(targetVariant)) {
    return validationError(
      answer,
      `The variant ${targetVariant} is not found for endpoint ${name} of account ${config.accountId}.`,
    );
  }
  if (rules.targetModel && endpoint.models === undefined) {
    if (headers["x-amzn-sagemaker-target-model"] !== undefined) {
      return validationError(
        answer,
        `Endpoint ${name} is not a multi-model endpoint and does not support target model header.`,
      );
    }
  } else if (rules.targetModel && endpoint.models !== undefined) {
    const targetModel = headers["x-amzn-sagemaker-target-model"];
    if (targetModel === undefined) {
      return validationError(
        answer,
        `Request ${answer.requestId} is missing a target model header.`,
      );
    }
    if (!endpoint.models.includes(targetModel)) {
      return validationError(
        answer,
        `Failed to download model data for target model ${targetModel}: it is not a model of endpoint ${name} of account ${config.accountId}.`,
      );
    }
  }
  if (rules.inferenceComponent && endpoint.inferenceComponents !== undefined) {
    const component = headers["x-amzn-sagemaker-inference-component"];
    if (component === undefined) {
      return validationError(
        answer,
        "Inference Component Name header is required for endpoints to which you plan to deploy inference components. Please include Inference Component Name header or consider using SageMaker models.",
      );
    }
    if (!endpoint.inferenceComponents.includes(component)) {
      return validationError(
        answer,
        `Inference component ${component} is not found for endpoint ${name} of account ${config.accountId}.`,
      );
    }
  }
  const variant =
    targetVariant ??
    endpoint.variants[pickWeighted(endpoint.weights, context.mock.random.next())] ??
    "AllTraffic";
  return { name, endpoint, variant };
}
