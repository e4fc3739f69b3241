import { checkString } from "../../internal/validationMessage";
import type { ModelOutput } from "../modelTypes";
import type { OperationContext } from "./context";
import { modelErrorResponse } from "./modelErrorResponse";
import { modelOutputResponse } from "./modelResponse";
import { prepareCall } from "./prepareCall";
import { resolveOutput } from "./resolveOutput";
import { resolveTarget } from "./resolveTarget";

/** Real-time payload limit: 6 MiB. */
export const MAX_PAYLOAD_BYTES: number = 6 * 1024 * 1024;

/** `SessionIdOrNewSessionConstantHeader`: an existing session's id, or NEW_SESSION. */
export const SESSION_ID_OR_NEW: RegExp = /^(NEW_SESSION)$|^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;

/** `POST /endpoints/{EndpointName}/invocations`. */
export async function invokeEndpoint(context: OperationContext): Promise<Response> {
  const { body, headers, answer } = context;
  const target = resolveTarget(context, {
    maxBodyBytes: MAX_PAYLOAD_BYTES,
    targetVariant: true,
    targetModel: true,
    inferenceComponent: true,
    failures: [
      checkString(headers["x-amzn-sagemaker-session-id"], "sessionId", {
        max: 256,
        pattern: SESSION_ID_OR_NEW,
      }),
    ],
  });
  if (target instanceof Response) return target;
  const prepared = prepareCall(context, target, {
    body,
    contentType: headers["content-type"],
    accept: headers.accept,
  });
  if (prepared.kind === "refused") return prepared.response;
  try {
    const output: ModelOutput =
      prepared.kind === "answered"
        ? prepared.output
        : await target.endpoint.model(prepared.request);
    return modelOutputResponse(answer, await resolveOutput(output), target.variant);
  } catch (error) {
    return modelErrorResponse(error, context);
  }
}
