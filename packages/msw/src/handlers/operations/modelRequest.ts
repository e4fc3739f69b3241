import { fromUtf8 } from "../../internal/bytes";
import type { ModelRequest, ModelSession } from "../modelTypes";
import type { OperationName } from "../types";

const SAGEMAKER = "x-amzn-sagemaker-";

export interface ModelRequestInit {
  operation: OperationName;
  endpointName: string;
  variant: string;
  body: Uint8Array;
  headers: Readonly<Record<string, string>>;
  /** Where this operation binds ContentType and Accept. */
  contentType: string | undefined;
  accept: string | undefined;
  inputLocation?: string | undefined;
  session?: ModelSession | undefined;
  invocation: number;
}

/** The request object a model is called with. */
export function createModelRequest(init: ModelRequestInit): ModelRequest {
  const { headers, body } = init;
  const header = (name: string): string | undefined => headers[`${SAGEMAKER}${name}`];
  return {
    operation: init.operation,
    endpointName: init.endpointName,
    variant: init.variant,
    body,
    text: () => fromUtf8(body),
    json: <T>() => JSON.parse(fromUtf8(body)) as T,
    contentType: init.contentType,
    accept: init.accept,
    customAttributes: header("custom-attributes"),
    targetModel: header("target-model"),
    targetVariant: header("target-variant"),
    targetContainerHostname: header("target-container-hostname"),
    inferenceId: header("inference-id"),
    inferenceComponentName: header("inference-component"),
    sessionId: header("session-id"),
    enableExplanations: header("enable-explanations"),
    inputLocation: init.inputLocation,
    session: init.session,
    invocation: init.invocation,
    headers,
  };
}
