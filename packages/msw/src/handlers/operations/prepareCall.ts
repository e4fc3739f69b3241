import type { ModelBodyOutput, ModelRequest, ModelSession } from "../modelTypes";
import { playSessionProtocol } from "../sessions/sessionProtocol";
import type { OperationContext } from "./context";
import { modelErrorResponse } from "./modelErrorResponse";
import { createModelRequest } from "./modelRequest";
import type { Target } from "./resolveTarget";

export type PreparedCall =
  /** Call the model with this request. */
  | { kind: "call"; request: ModelRequest }
  /** The session convention answered it: answer this output, without the model. */
  | { kind: "answered"; output: ModelBodyOutput }
  /** The container refused it: answer this (424 ModelError). */
  | { kind: "refused"; response: Response };

export interface CallFields {
  body: Uint8Array;
  contentType: string | undefined;
  accept: string | undefined;
  inputLocation?: string;
}

/**
 * A real-time call: plays the session convention first (endpoints with `sessions`), then
 * builds the model request.
 */
export function prepareCall(
  context: OperationContext,
  target: Target,
  fields: CallFields,
): PreparedCall {
  const { mock, headers, route } = context;
  let session: ModelSession | undefined;
  if (target.endpoint.sessions !== undefined) {
    const outcome = playSessionProtocol({
      operation: route.operation ?? "InvokeEndpoint",
      endpointName: target.name,
      ttlSeconds: target.endpoint.sessions.ttlSeconds,
      sessionId: headers["x-amzn-sagemaker-session-id"],
      body: fields.body,
      store: mock.sessions,
    });
    if (outcome.kind === "answer") return { kind: "answered", output: outcome.output };
    if (outcome.kind === "refuse") {
      return { kind: "refused", response: modelErrorResponse(outcome.error, context) };
    }
    session = outcome.session;
  }
  return { kind: "call", request: modelRequest(context, target, fields, session) };
}

/** The request a model is called with; counts the call as the endpoint's next invocation. */
export function modelRequest(
  context: OperationContext,
  target: Target,
  fields: CallFields,
  session?: ModelSession,
): ModelRequest {
  const { mock, headers, route } = context;
  const invocation = (mock.invocations.get(target.name) ?? 0) + 1;
  mock.invocations.set(target.name, invocation);
  return createModelRequest({
    operation: route.operation ?? "InvokeEndpoint",
    endpointName: target.name,
    variant: target.variant,
    headers,
    ...fields,
    session,
    invocation,
  });
}
