import { fromUtf8, utf8 } from "../../internal/bytes";
import type { ModelOutput, ModelRequest } from "../types";

const SAGEMAKER = "x-amzn-sagemaker-";

/** The request object a model is called with. */
export function createModelRequest(
  endpointName: string,
  variant: string,
  body: Uint8Array,
  headers: Readonly<Record<string, string>>,
): ModelRequest {
  const header = (name: string): string | undefined => headers[name];
  return {
    endpointName,
    variant,
    body,
    text: () => fromUtf8(body),
    json: <T>() => JSON.parse(fromUtf8(body)) as T,
    contentType: header("content-type"),
    accept: header("accept"),
    customAttributes: header(`${SAGEMAKER}custom-attributes`),
    targetModel: header(`${SAGEMAKER}target-model`),
    targetVariant: header(`${SAGEMAKER}target-variant`),
    targetContainerHostname: header(`${SAGEMAKER}target-container-hostname`),
    inferenceId: header(`${SAGEMAKER}inference-id`),
    inferenceComponentName: header(`${SAGEMAKER}inference-component`),
    sessionId: header(`${SAGEMAKER}session-id`),
    enableExplanations: header(`${SAGEMAKER}enable-explanations`),
    headers,
  };
}

/** Bytes of a model's output body: bytes as they are, text as UTF-8, anything else as JSON. */
export function encodeModelBody(body: ModelOutput["body"]): Uint8Array<ArrayBuffer> {
  if (typeof body === "string") return utf8(body);
  if (body instanceof Uint8Array) return new Uint8Array(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  return utf8(JSON.stringify(body) ?? "");
}
